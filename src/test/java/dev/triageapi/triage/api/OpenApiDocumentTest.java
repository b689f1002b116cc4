package dev.triageapi.triage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The served OpenAPI document describes every operation, and its examples are what the service really answers. */
@QuarkusTest
class OpenApiDocumentTest {

    static JsonPath document() {
        return given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldDocumentEveryOperationWithASummaryAndId() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        for (String path : List.of("/api/v1/triage", "/api/v1/symptoms", "/api/v1/risk-factors", "/api/v1/cause-groups", "/api/v1/urgency-levels", "/api/v1/rules")) {
            assertNotNull(paths.get(path), path);
            paths.get(path).forEach((method, operation) -> {
                assertNotNull(operation.get("summary"), method + " " + path);
                assertNotNull(operation.get("operationId"), method + " " + path);
                assertNotNull(operation.get("description"), method + " " + path);
            });
        }
    }

    @Test
    void shouldDocumentTheRefusalsEveryOperationCanGet() {
        Map<String, Map<String, Map<String, Object>>> paths = document().getMap("paths");
        int withBody = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.getValue().get("responses");
                String name = operation.getKey() + " " + path.getKey();
                assertNotNull(responses.get("401"), name);
                if (operation.getValue().get("requestBody") != null) {
                    withBody++;
                    for (String status : List.of("408", "413", "415")) {
                        assertNotNull(responses.get(status), name + " " + status);
                    }
                }
            }
        }
        assertEquals(6, withBody, "the four intake operations, parse and CDS feedback take a body");
    }

    /** The measurements' schemas list the contract's fields and nothing a helper method would add ("empty"). */
    @Test
    void shouldDocumentExactlyTheFieldsOfTheVitalSignsAndLabResults() {
        JsonPath doc = document();
        assertEquals(List.of("potassium", "sodium", "calcium", "creatineKinase"),
                List.copyOf(doc.getMap("components.schemas.Labs.properties").keySet()));
        assertEquals(List.of("respiratoryRate", "oxygenSaturation", "onSupplementalOxygen", "systolicBloodPressure",
                        "heartRate", "temperature", "consciousness", "bloodGlucose"),
                List.copyOf(doc.getMap("components.schemas.Vitals.properties").keySet()));
    }

    @Test
    void shouldDocumentTheTriageRequestResponsesAndProblemSchema() {
        JsonPath doc = document();
        String op = "paths.'/api/v1/triage'.post";
        assertFalse(doc.getMap(op + ".requestBody.content.'application/json'.examples").isEmpty());
        assertNotNull(doc.get(op + ".responses.'200'.content.'application/json'.examples"));
        assertEquals("#/components/responses/Unauthorized", doc.get(op + ".responses.'401'.$ref"));
        assertEquals("X-API-Key", doc.get("components.securitySchemes.ApiKey.name"));
        for (String status : List.of("400", "413", "415")) {
            assertEquals("#/components/schemas/Problem",
                    doc.get(op + ".responses.'" + status + "'.content.'application/problem+json'.schema.$ref"), status);
        }
        assertNotNull(doc.get("components.schemas.Problem.properties.errors"));
        assertEquals(List.of("sudden", "gradual"), doc.getList("components.schemas.Onset.enum"));
        assertEquals(List.of("self_care", "consultation", "consultation_24", "emergency", "emergency_ambulance"),
                doc.getList("components.schemas.Urgency.enum"));
        assertNotNull(doc.get("info.license.name"));
        assertNull(doc.get("components.schemas.JsonNode.properties"), "free-form JSON is not a bean");
        assertNull(doc.get("components.schemas.TriageResponse.properties.selfCare.type"), "a type would refuse the null");
        assertEquals("null", doc.get("components.schemas.TriageResponse.properties.selfCare.anyOf[1].type"));
        assertNotNull(doc.get("components.schemas.Vitals.properties.heartRate.maximum"));
        assertNotNull(doc.get(op + ".requestBody.content.'application/json'.examples.'exercise-soreness-screened'"));
        assertEquals("string", doc.get(op + ".parameters.find { it.name == 'Prefer' }.schema.type"), "a header is one string");
    }

    @Test
    void shouldAnswerTheDocumentedStrokeExampleAsDocumented() {
        JsonPath documented = JsonPath.from(Examples.STROKE_RESPONSE);
        given().contentType(ContentType.JSON).body(Examples.STROKE_REQUEST)
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("urgency", equalTo(documented.getString("urgency")))
                .body("advice", equalTo(documented.getString("advice")))
                .body("redFlags", equalTo(documented.getList("redFlags")))
                .body("reasons", equalTo(documented.getList("reasons")))
                .body("causeGroups", equalTo(documented.getList("causeGroups")))
                .body("disclaimer", equalTo(documented.getString("disclaimer")));
    }

    @Test
    void shouldServeSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // Readiness waits for the warm-up, which may still be running when this test starts.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> given()
                .when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rules' }.data.rulesVersion", notNullValue()));
    }
}
