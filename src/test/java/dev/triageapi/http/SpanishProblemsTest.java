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
