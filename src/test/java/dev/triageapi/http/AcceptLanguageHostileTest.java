package dev.triageapi.http;

import dev.triageapi.cdshooks.CdsExamples;
import dev.triageapi.fhir.FhirExamples;
import dev.triageapi.triage.api.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Accept-Language is the client's to write, and clients write anything: malformed q-values, wildcards, tags in any
 * case, ranges of scripts and regions, a header as long as the limit allows. Every door that speaks two languages
 * answers each with its usual status in English or Spanish, says which, and never fails; so does each kind of refusal.
 */
@QuarkusTest
class AcceptLanguageHostileTest {

    private static final List<String> HEADERS = List.of("", "*", "es;q=2", "es;q=-1", "en;q=abc, es", "es,,,en;q=0.5,",
            "ES-mx", "es-419", "zh-Hant-TW;q=0.9, *;q=0.1", "x-klingon", "\u00e9s", "es;q=0, en;q=0", "q=1",
            "es-" + "x".repeat(300), "fr;q=0.9, ".repeat(200) + "es;q=0.1");

    @Test
    void shouldAnswerEveryDoorInEnglishOrSpanishWhateverTheHeaderSays() {
        List<String> wrong = new ArrayList<>();
        for (String header : HEADERS) {
            check(wrong, header, "triage", given().contentType(ContentType.JSON).header("Accept-Language", header)
                    .body(Examples.STROKE_REQUEST).post("/api/v1/triage"), 200);
            check(wrong, header, "symptoms", given().header("Accept-Language", header).get("/api/v1/symptoms"), 200);
            check(wrong, header, "parse", given().contentType(ContentType.JSON).header("Accept-Language", header)
                    .body("{\"text\": \"me duele la cabeza / my head hurts\"}").post("/api/v1/parse"), 200);
            check(wrong, header, "fhir", given().contentType("application/fhir+json").header("Accept-Language", header)
                    .body(FhirExamples.QUESTIONNAIRE_RESPONSE).post("/api/v1/triage/fhir"), 200);
            check(wrong, header, "questionnaire", given().header("Accept-Language", header)
                    .get("/api/v1/fhir/Questionnaire/muscle-weakness-intake"), 200);
            check(wrong, header, "cds", given().contentType(ContentType.JSON).header("Accept-Language", header)
                    .body(CdsExamples.ENCOUNTER_START).post("/cds-services/muscle-weakness-triage"), 200);
            // Refusals are worded in the negotiated language too, at each layer that writes them.
            check(wrong, header, "invalid request", given().contentType(ContentType.JSON).header("Accept-Language", header)
                    .body("{\"symptoms\": []}").post("/api/v1/triage"), 400);
            check(wrong, header, "malformed FHIR", given().contentType("application/fhir+json").header("Accept-Language", header)
                    .body("{").post("/api/v1/triage/fhir"), 400);
            check(wrong, header, "wrong method", given().header("Accept-Language", header).delete("/api/v1/triage"), 405);
            check(wrong, header, "no such path", given().header("Accept-Language", header).get("/api/v1/nowhere"), 404);
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, String header, String door, Response response, int status) {
        String language = response.header("Content-Language");
        if (response.statusCode() != status || !("en".equals(language) || "es".equals(language))) {
            wrong.add(door + " with '" + header.substring(0, Math.min(header.length(), 40)) + "': " + response.statusCode()
                    + " Content-Language " + language);
        }
    }
}
