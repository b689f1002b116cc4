package dev.triageapi.cdshooks;

import dev.triageapi.fhir.FhirExamples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

/** A CDS Hooks client's view: discovery, a real-shaped encounter-start call, an intake call, and 412 on missing data. */
@QuarkusTest
class CdsHooksTest {

    @Test
    void shouldDescribeTheServiceInDiscovery() {
        given().when().get("/cds-services")
                .then().statusCode(200)
                .body("services", hasSize(1))
                .body("services[0].id", equalTo("muscle-weakness-triage"))
                .body("services[0].hook", equalTo("encounter-start"))
                .body("services[0].title", equalTo("Muscle weakness triage"))
                .body("services[0].description", containsString("questionnaire-inprogress"))
                .body("services[0].prefetch", hasKey("symptoms"))
                .body("services[0].prefetch.patient", equalTo("Patient/{{context.patientId}}"));
    }

    @Test
    void shouldAnswerAnEncounterStartCallWithACriticalCard() {
        given().contentType(ContentType.JSON).body(CdsExamples.ENCOUNTER_START)
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(200)
                .body("cards", hasSize(1))
                .body("cards[0].indicator", equalTo("critical"))
                .body("cards[0].summary", startsWith("Emergency: call an ambulance — "))
                .body("cards[0].summary.length()", lessThan(140))
                .body("cards[0].source.label", startsWith("Muscle weakness triage rules sha256:"))
                .body("cards[0].source.topic.display", equalTo("Sudden weakness, numbness or paralysis of the face, an arm or a leg is a stroke sign"))
                .body("cards[0].source.topic.code", startsWith("rules/emergency/stroke.drl:"))
                .body("cards[0].detail", containsString("**Urgency:** emergency_ambulance"))
                .body("cards[0].detail", containsString("not medical advice"))
                .body("cards[0].links[0].type", equalTo("absolute"))
                .body("cards[0].links[0].url", startsWith("http"));
    }

    @Test
    void shouldAnswerAnIntakeQuestionnaireCall() {
        String call = "{\"hook\":\"questionnaire-inprogress\",\"hookInstance\":\"8e1c7b0c-3e2d-4f0e-9f1a-2b4c6d8e0f13\","
                + "\"context\":{\"questionnaireResponse\":" + FhirExamples.QUESTIONNAIRE_RESPONSE + "}}";
        given().contentType(ContentType.JSON).body(call)
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(200)
                .body("cards[0].indicator", equalTo("critical"));
    }

    @Test
    void shouldGiveAWarningCardForASameDayLevel() {
        String bundle = FhirExamples.OBSERVATION_BUNDLE.replace("\"code\": \"sudden\"", "\"code\": \"gradual\"");
        String call = "{\"hook\":\"encounter-start\",\"hookInstance\":\"1\",\"context\":{\"patientId\":\"42\"},"
                + "\"prefetch\":{\"symptoms\":" + bundle + "}}";
        given().contentType(ContentType.JSON).body(call)
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(200)
                .body("cards[0].indicator", equalTo("warning"));
    }

    @Test
    void shouldAnswer412WhenPrefetchOrContextIsMissing() {
        given().contentType(ContentType.JSON)
                .body("{\"hook\":\"encounter-start\",\"hookInstance\":\"2\",\"context\":{\"patientId\":\"42\"}}")
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("prefetch.symptoms"));
        given().contentType(ContentType.JSON)
                .body("{\"hook\":\"encounter-start\",\"hookInstance\":\"3\",\"context\":{},\"prefetch\":{}}")
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(412).body("detail", containsString("context.patientId"));
        given().contentType(ContentType.JSON)
                .body("{\"hook\":\"questionnaire-inprogress\",\"hookInstance\":\"4\",\"context\":{}}")
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(412).body("detail", containsString("questionnaireResponse"));
    }

    @Test
    void shouldRefuseAnUnknownHook() {
        given().contentType(ContentType.JSON).body("{\"hook\":\"order-sign\",\"hookInstance\":\"5\",\"context\":{}}")
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(400).body("errors[0].field", equalTo("hook"));
    }

    @Test
    void shouldGiveEveryCardAnIdOfItsOwn() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = given().contentType(ContentType.JSON).body(CdsExamples.ENCOUNTER_START)
                    .when().post("/cds-services/muscle-weakness-triage")
                    .then().statusCode(200).extract().path("cards[0].uuid");
            org.junit.jupiter.api.Assertions.assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            ids.add(id);
        }
        org.junit.jupiter.api.Assertions.assertEquals(5, ids.size(), "the same answer twice is still two cards");
    }
}
