package dev.triageapi.http;

import dev.triageapi.fhir.FhirExamples;
import dev.triageapi.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refusal is worded in the language the request asks for, on every door and whichever layer refuses: the REST
 * layer's validation and mappers, the router's guard before it, the FHIR door's OperationOutcome. The type, status and
 * field names never change.
 */
@QuarkusTest
class SpanishProblemsTest {

    @TestHTTPResource("/")
    URL root;

    private static ValidatableResponse spanish(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .header("Content-Language", "es")
                .header("Vary", containsString("Accept-Language"));
    }

    @Test
    void shouldRefuseAnInvalidTriageRequestInSpanish() {
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es-MX,es;q=0.9")
                .body("{\"symptoms\": [{\"code\": \"muscle_weakness\", \"hoursSinceOnset\": -1}]}")
                .post("/api/v1/triage").then(), 400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem-type:triage:invalid-request"))
                .body("title", equalTo("Solicitud no válida"))
                .body("detail", containsString("no cumple una regla del contrato"))
                .body("errors.field", hasItem("symptoms[0].hoursSinceOnset"));
    }

    @Test
    void shouldWordEveryFieldErrorOfTheJsonDoorInSpanish() {
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es")
                .body("{\"age\": 200, \"symptoms\": [{\"code\": \"not_a_symptom\"}, {\"code\": \"fatigue\"}],"
                        + " \"riskFactors\": [\"diabetes\", \"diabetes\"]}")
                .post("/api/v1/triage").then(), 400)
                .body("errors.find { it.field == 'age' }.message", equalTo("debe ser menor que o igual a 120"));
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es")
                .body("{\"symptoms\": [{\"code\": \"not_a_symptom\"}, {\"code\": \"fatigue\"}, {\"code\": \"fatigue\"}],"
                        + " \"riskFactors\": [\"diabetes\", \"diabetes\"]}")
                .post("/api/v1/triage").then(), 400)
                .body("errors.find { it.field == 'symptoms[0].code' }.message",
                        equalTo("código de síntoma desconocido 'not_a_symptom'; vea GET /api/v1/symptoms"))
                .body("errors.find { it.field == 'symptoms[2].code' }.message",
                        equalTo("el síntoma 'fatigue' ya se envió en symptoms[1]; envíe cada síntoma una sola vez"))
                .body("errors.find { it.field == 'riskFactors[1]' }.message",
                        equalTo("el factor de riesgo 'diabetes' aparece más de una vez"));
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es")
                .body("{\"age\": \"old\", \"symptoms\": [{\"code\": \"fatigue\"}]}")
                .post("/api/v1/triage").then(), 400)
                .body("errors[0].message", equalTo("debe ser un número entero"));
        // The same in English, word for word as before.
        given().contentType(ContentType.JSON)
                .body("{\"age\": 200, \"symptoms\": [{\"code\": \"not_a_symptom\"}]}")
                .post("/api/v1/triage").then().statusCode(400)
                .body("errors.find { it.field == 'age' }.message", equalTo("must be less than or equal to 120"));
    }

    @Test
    void shouldRefuseAnInterviewAnswerInSpanish() {
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es")
                .body("{\"symptoms\": [{\"code\": \"fatigue\"}], \"answers\": ["
                        + "{\"question\": \"symptom:fever\", \"answer\": \"maybe\"},"
                        + " {\"question\": \"nonsense\", \"answer\": \"yes\"}]}")
                .post("/api/v1/triage").then(), 400)
                .body("errors.find { it.field == 'answers[0].answer' }.message", equalTo("admite uno de: yes, no, unknown"))
                .body("errors.find { it.field == 'answers[1].question' }.message",
                        equalTo("no existe esa pregunta; devuelva el id de una de interview.questions"));
    }

    @Test
    void shouldSayInSpanishWhatItIgnored() {
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es")
                .body("{\"onsett\": \"sudden\", \"symptoms\": [{\"code\": \"head_injury\", \"onset\": \"sudden\"}]}")
                .post("/api/v1/triage").then(), 200)
                .body("unused.find { it.location == 'onsett' }.reason", startsWith("no es un campo de la solicitud de triaje"))
                .body("unused.find { it.location == 'symptoms[0].onset' }.reason",
                        startsWith("'onset' no se aplica al síntoma 'head_injury'"));
    }

    @Test
    void shouldKeepEnglishForAnEnglishOrAbsentHeader() {
        given().contentType(ContentType.JSON).body("{\"symptoms\": []}").post("/api/v1/triage")
                .then().statusCode(400).header("Content-Language", "en").body("title", equalTo("Invalid request"));
    }

    @Test
    void shouldWordMalformedJsonAndUnknownPathsInSpanish() {
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es").body("{\"symptoms\": [")
                .post("/api/v1/triage").then(), 400)
                .body("title", equalTo("JSON mal formado"))
                .body("detail", containsString("línea 1"));
        spanish(given().header("Accept-Language", "es").get("/api/v1/nothing-here").then(), 404)
                .body("title", equalTo("No encontrado"));
        spanish(given().header("Accept-Language", "es").delete("/api/v1/triage").then(), 405)
                .body("title", equalTo("Método no permitido"))
                .body("detail", containsString("no acepta ese método; acepta"))
                .body("detail", containsString("POST"));
    }

    @Test
    void shouldWordMediaTypeRefusalsInSpanish() throws Exception {
        RawHttp.Response bare = RawHttp.send(root.getPort(), "POST", "/api/v1/triage", Map.of("Accept-Language", "es"), "{}");
        assertEquals(415, bare.status(), bare.toString());
        assertEquals("es", bare.header("content-language"), bare.toString());
        assertTrue(bare.body().contains("cabecera Content-Type"), bare.body());
        spanish(given().contentType(ContentType.TEXT).header("Accept-Language", "es").body("hola")
                .post("/api/v1/triage").then(), 415)
                .body("title", equalTo("Tipo de contenido no admitido"))
                .body("detail", equalTo("Envíe el cuerpo como application/json."));
    }

    @Test
    void shouldWordATooLongTextInSpanishOnTheParseDoor() {
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es")
                .body("{\"text\": \"" + "débil ".repeat(400) + "\"}").post("/api/v1/parse").then(), 413)
                .body("title", equalTo("Texto demasiado largo"));
    }

    @Test
    void shouldWordABodyTheRouterRefusesInSpanish() {
        spanish(given().contentType(ContentType.JSON).header("Accept-Language", "es")
                .body("{\"symptoms\": [], \"pad\": \"" + "x".repeat(70_000) + "\"}").post("/api/v1/triage").then(), 413)
                .body("title", equalTo("Cuerpo demasiado grande"))
                .body("detail", containsString("bytes"));
    }

    @Test
    void shouldWordTheFhirDoorsOperationOutcomeInSpanish() {
        spanish(given().contentType("application/fhir+json").header("Accept-Language", "es")
                .body("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": []}")
                .post("/api/v1/triage/fhir").then(), 400)
                .body("resourceType", equalTo("OperationOutcome"));
        spanish(given().contentType("application/fhir+json; fhirVersion=5.0").header("Accept-Language", "es")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE).post("/api/v1/triage/fhir").then(), 415)
                .body("issue[0].diagnostics", containsString("solo usa FHIR R4"));
    }
}
