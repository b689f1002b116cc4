package dev.triageapi.cdshooks;

import dev.triageapi.fhir.FhirExamples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CDS Hooks client's view: discovery with one service per hook, a real-shaped encounter-start call, an intake call,
 * CDS Hooks 2.0's prefetch semantics (null is "no data", a left-out key with no FHIR server to ask is 412), 400 for a
 * missing context, and feedback.
 */
@QuarkusTest
class CdsHooksTest {

    @Test
    void shouldRouteEveryDiscoveredServiceAndDiscoverEveryRoutedOne() {
        List<String> discovered = given().when().get("/cds-services").then().statusCode(200)
                .extract().jsonPath().getList("services.id", String.class);
        Map<String, Object> paths = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> routed = paths.keySet().stream().filter(p -> p.matches("/cds-services/[^/{]+"))
                .map(p -> p.substring("/cds-services/".length())).collect(Collectors.toSet());
        assertEquals(routed, Set.copyOf(discovered), "discovery and routing name the same services");
        for (String id : discovered) {
            given().contentType(ContentType.JSON).body("{\"hook\":\"no-such-hook\",\"hookInstance\":\"1\",\"context\":{}}")
                    .when().post("/cds-services/" + id).then().statusCode(400).body("errors[0].field", equalTo("hook"));
        }
    }

    @Test
    void shouldListEveryHookItAnswersAsAServiceOfItsOwn() {
        given().when().get("/cds-services")
                .then().statusCode(200)
                .body("services", hasSize(2))
                .body("services[0].id", equalTo("muscle-weakness-triage"))
                .body("services[0].hook", equalTo("encounter-start"))
                .body("services[0].title", equalTo("Muscle weakness triage"))
                .body("services[0].prefetch", hasKey("symptoms"))
                .body("services[0].prefetch.symptoms", containsString("_count=100"))
                .body("services[0].prefetch.patient", equalTo("Patient/{{context.patientId}}"))
                .body("services[1].id", equalTo("muscle-weakness-intake-triage"))
                .body("services[1].hook", equalTo("questionnaire-inprogress"))
                .body("services[1]", not(hasKey("prefetch")));
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

    /** The card follows the call's Accept-Language: Spanish words, the same indicator and codes. */
    @Test
    void shouldWriteTheCardInSpanishWhenTheCallAsksForIt() {
        dev.triageapi.catalog.Catalog es = dev.triageapi.catalog.Catalog.load(dev.triageapi.vocabulary.Language.ES);
        given().contentType(ContentType.JSON).header("Accept-Language", "es-US, es;q=0.9, en;q=0.5").body(CdsExamples.ENCOUNTER_START)
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(200)
                .header("Content-Language", "es")
                .body("cards[0].indicator", equalTo("critical"))
                .body("cards[0].summary", startsWith(es.urgencyLevel(dev.triageapi.vocabulary.Urgency.EMERGENCY_AMBULANCE).label() + " — "))
                .body("cards[0].detail", containsString("**" + es.message("cards.urgencyHeading") + ":** emergency_ambulance"))
                .body("cards[0].detail", containsString("**" + es.message("cards.redFlags") + "**"))
                .body("cards[0].detail", containsString("no reemplaza a un médico"))
                .body("cards[0].links[0].label", equalTo(es.message("cards.rulesLink")));
    }

    @Test
    void shouldAnswerAnIntakeQuestionnaireCall() {
        String call = "{\"hook\":\"questionnaire-inprogress\",\"hookInstance\":\"8e1c7b0c-3e2d-4f0e-9f1a-2b4c6d8e0f13\","
                + "\"context\":{\"questionnaireResponse\":" + FhirExamples.QUESTIONNAIRE_RESPONSE + "}}";
        given().contentType(ContentType.JSON).body(call)
                .when().post("/cds-services/muscle-weakness-intake-triage")
                .then().statusCode(200)
                .body("cards[0].indicator", equalTo("critical"));
        given().contentType(ContentType.JSON).body(CdsExamples.QUESTIONNAIRE_INPROGRESS)
                .when().post("/cds-services/muscle-weakness-intake-triage")
                .then().statusCode(200)
                .body("cards[0].indicator", equalTo("critical"));
        given().contentType(ContentType.JSON).body(call)
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(400).body("errors[0].message", containsString("/cds-services/muscle-weakness-intake-triage"));
    }

    @Test
    void shouldPutTheSelfCareScreenAndItsSafetyNettingOnTheCard() {
        String mv = "\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier-value\"";
        String response = """
                {"resourceType":"QuestionnaireResponse","status":"in-progress","item":[
                  {"linkId":"age","answer":[{"valueInteger":27}]},
                  {"linkId":"pregnancy","answer":[{"valueCoding":{%1$s,"code":"not_pregnant"}}]},
                  {"linkId":"symptoms","item":[
                    {"linkId":"muscle_pain","answer":[{"valueBoolean":true,"item":[
                      {"linkId":"muscle_pain.onset","answer":[{"valueCoding":{%1$s,"code":"gradual"}}]},
                      {"linkId":"muscle_pain.severity","answer":[{"valueCoding":{%1$s,"code":"mild"}}]},
                      {"linkId":"muscle_pain.hoursSinceOnset","answer":[{"valueDecimal":30}]},
                      {"linkId":"muscle_pain.worsening","answer":[{"valueBoolean":false}]},
                      {"linkId":"muscle_pain.trigger","answer":[{"valueCoding":{%1$s,"code":"exercise"}}]}]}]}]}]}"""
                .formatted(mv);
        String call = "{\"hook\":\"questionnaire-inprogress\",\"hookInstance\":\"3\",\"context\":{\"questionnaireResponse\":" + response + "}}";
        given().contentType(ContentType.JSON).body(call)
                .when().post("/cds-services/muscle-weakness-intake-triage")
                .then().statusCode(200)
                .body("cards[0].indicator", equalTo("info"))
                .body("cards[0].detail", containsString("could lower the urgency"))
                .body("cards[0].detail", containsString("urine"));
        String screened = response.replace("{\"linkId\":\"symptoms\",\"item\":[", "{\"linkId\":\"symptoms\",\"item\":["
                        + "{\"linkId\":\"dark_urine\",\"answer\":[{\"valueBoolean\":false}]},"
                        + "{\"linkId\":\"fever\",\"answer\":[{\"valueBoolean\":false}]},"
                        + "{\"linkId\":\"numbness\",\"answer\":[{\"valueBoolean\":false}]},")
                .replace("{\"linkId\":\"age\",", "{\"linkId\":\"riskFactors\",\"item\":[{\"linkId\":\"statin_use\",\"answer\":[{\"valueBoolean\":false}]}]},"
                        + "{\"linkId\":\"age\",");
        assertNotEquals(response, screened);
        given().contentType(ContentType.JSON)
                .body("{\"hook\":\"questionnaire-inprogress\",\"hookInstance\":\"4\",\"context\":{\"questionnaireResponse\":" + screened + "}}")
                .when().post("/cds-services/muscle-weakness-intake-triage")
                .then().statusCode(200)
                .body("cards[0].detail", containsString("self_care"))
                .body("cards[0].detail", containsString("**Watch for**"));
    }

    @Test
    void shouldGiveAWarningCardForASameDayLevel() {
        // Gradual one-sided numbness recorded three days ago: past the 24 hours in which new one-sided signs are a stroke sign.
        String bundle = FhirExamples.observationBundleRecordedAt(java.time.Instant.now().minusSeconds(3 * 86400)).replace("385315009", "61751001");
        String call = "{\"hook\":\"encounter-start\",\"hookInstance\":\"1\",\"context\":{\"patientId\":\"42\"},"
                + "\"prefetch\":{\"symptoms\":" + bundle + "}}";
        given().contentType(ContentType.JSON).body(call)
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(200)
                .body("cards[0].indicator", equalTo("warning"));
    }

    static String encounter(String prefetch) {
        return "{\"hook\":\"encounter-start\",\"hookInstance\":\"2\",\"context\":{\"patientId\":\"42\"}"
                + (prefetch == null ? "" : ",\"prefetch\":" + prefetch) + "}";
    }

    @Test
    void shouldAnswer412WhenTheSymptomsWereNotPrefetchedAndNoFhirServerMayBeAsked() {
        given().contentType(ContentType.JSON).body(encounter(null))
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("prefetch.symptoms"))
                .body("detail", containsString("names no fhirServer"));
        given().contentType(ContentType.JSON)
                .body(encounter("{}").replace("\"context\"", "\"fhirServer\":\"https://ehr.example.org/fhir\",\"context\""))
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(412).body("detail", containsString("triage.cds.fhir-servers"));
        given().contentType(ContentType.JSON)
                .body(encounter("{\"symptoms\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}}"))
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(412).body("detail", containsString("prefetch.symptoms"));
    }

    @Test
    void shouldAnswer400WhenTheRequiredContextIsMissing() {
        given().contentType(ContentType.JSON)
                .body("{\"hook\":\"encounter-start\",\"hookInstance\":\"3\",\"context\":{},\"prefetch\":{}}")
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(400).body("errors[0].field", equalTo("context.patientId"));
        given().contentType(ContentType.JSON)
                .body("{\"hook\":\"encounter-start\",\"hookInstance\":\"3\",\"prefetch\":{}}")
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(400).body("errors[0].field", equalTo("context"));
        given().contentType(ContentType.JSON)
                .body("{\"hook\":\"questionnaire-inprogress\",\"hookInstance\":\"4\",\"context\":{}}")
                .when().post("/cds-services/muscle-weakness-intake-triage")
                .then().statusCode(400).body("errors[0].field", equalTo("context.questionnaireResponse"));
        given().contentType(ContentType.JSON)
                .body(encounter("{}").replace("\"42\"", "\"42&_include=*\""))
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(400).body("errors[0].field", equalTo("context.patientId"));
    }

    @Test
    void shouldSayNothingWasRecordedWhenThePrefetchIsNullOrAnEmptySearch() {
        for (String prefetch : List.of("{\"symptoms\":null,\"patient\":null}",
                "{\"symptoms\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}}")) {
            given().contentType(ContentType.JSON).body(encounter(prefetch))
                    .when().post("/cds-services/muscle-weakness-triage")
                    .then().statusCode(200)
                    .body("cards", hasSize(1))
                    .body("cards[0].indicator", equalTo("info"))
                    .body("cards[0].summary", equalTo("No symptom records to triage"))
                    .body("cards[0].detail", containsString("not medical advice"));
        }
    }

    @Test
    void shouldTriageWhatItReadsAndListInTheCardWhatItDidNot() {
        String bundle = FhirExamples.observationBundleRecordedAt(java.time.Instant.now()).replace("\"entry\": [", "\"entry\": ["
                + "{\"search\":{\"mode\":\"outcome\"},\"resource\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"warning\",\"code\":\"incomplete\"}]}},"
                + "{\"search\":{\"mode\":\"include\"},\"resource\":{\"resourceType\":\"Encounter\",\"status\":\"in-progress\",\"class\":{\"code\":\"AMB\"}}},");
        given().contentType(ContentType.JSON).body(encounter("{\"symptoms\":" + bundle
                        + ",\"patient\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}}"))
                .when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(200)
                .body("cards[0].indicator", equalTo("critical"))
                .body("cards[0].detail", containsString("**Not used**"))
                .body("cards[0].detail", containsString("prefetch.symptoms.entry[0].resource: a message from the FHIR server"))
                .body("cards[0].detail", containsString("prefetch.symptoms.entry[1].resource: an Encounter is not"))
                .body("cards[0].detail", containsString("prefetch.patient: an OperationOutcome"));
    }

    @Test
    void shouldNeverEchoAnUnknownItemInTheCard() {
        String call = CdsHostileInputTest.questionnaireCall("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
                + "\"item\":[{\"linkId\":\"<b>x</b>\",\"answer\":[{\"valueBoolean\":true}]}]}");
        String card = given().contentType(ContentType.JSON).body(call)
                .when().post("/cds-services/muscle-weakness-intake-triage")
                .then().statusCode(200).body("cards[0].indicator", equalTo("info")).extract().asString();
        assertFalse(card.contains("<b>") || card.contains("\\u003cb"), card);
    }

    @Test
    void shouldCountFeedbackByOutcomeAndKeepNothingElse() {
        String before = given().when().get("/q/metrics").then().extract().asString();
        given().contentType(ContentType.JSON).body(CdsExamples.FEEDBACK)
                .when().post("/cds-services/muscle-weakness-triage/feedback")
                .then().statusCode(204);
        given().contentType(ContentType.JSON).body("{\"feedback\":[{\"card\":\"4e0a3a1e-3283-4575-ab82-028d55fe2719\","
                        + "\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\"e56e1945-20b3-4393-8503-a1a20fd73152\"}],"
                        + "\"outcomeTimestamp\":\"2021-12-11T10:05:31Z\"}]}")
                .when().post("/cds-services/muscle-weakness-intake-triage/feedback")
                .then().statusCode(204);
        String after = given().when().get("/q/metrics").then().extract().asString();
        assertTrue(count(after, "outcome=\"overridden\",reason=\"coded\",service=\"muscle-weakness-triage\"")
                > count(before, "outcome=\"overridden\",reason=\"coded\",service=\"muscle-weakness-triage\""), after);
        assertFalse(after.contains("already-assessed"));
        assertFalse(after.contains("emergency department this morning"));
    }

    static double count(String metrics, String labels) {
        return metrics.lines().filter(l -> l.startsWith("triage_cds_feedback_total{") && l.contains(labels))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void shouldRefuseFeedbackThatIsNotTheSpecsShape() {
        given().contentType(ContentType.JSON).body("{\"feedback\":[{\"card\":\"x\",\"outcome\":\"ignored\"}]}")
                .when().post("/cds-services/muscle-weakness-triage/feedback")
                .then().statusCode(400)
                .body("errors.field", hasItems("feedback[0].outcome", "feedback[0].outcomeTimestamp"));
        given().contentType(ContentType.JSON).body("{\"feedback\":[]}")
                .when().post("/cds-services/muscle-weakness-triage/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("feedback"))
                .body("errors[0].message", equalTo("must hold 1 to 100 items"));
        given().contentType(ContentType.JSON).body("{\"feedback\":[null,{\"card\":\" \",\"outcome\":\"accepted\","
                        + "\"outcomeTimestamp\":\"2026-13-45T10:05:31Z\"}]}")
                .when().post("/cds-services/muscle-weakness-triage/feedback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("feedback[0]", "feedback[1].card", "feedback[1].outcomeTimestamp"))
                .body("errors[2].message", equalTo("is required, as an RFC 3339 date-time (CDS Hooks asks for UTC)"));
        given().contentType(ContentType.JSON).body("null")
                .when().post("/cds-services/muscle-weakness-triage/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"feedback\":[]}")
                .when().post("/cds-services/no-such-service/feedback")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\","
                        + "\"outcomeTimestamp\":\"2026-02-31T10:05:31Z\"}]}")
                .when().post("/cds-services/muscle-weakness-triage/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("feedback[0].outcomeTimestamp"));
        for (String notRfc3339 : new String[] {"2026-12-01T10:05Z", "2026-12-01T10:05:31+01:00:30", "+12026-12-01T10:05:31Z"}) {
            given().contentType(ContentType.JSON).body("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\","
                            + "\"outcomeTimestamp\":\"" + notRfc3339 + "\"}]}")
                    .when().post("/cds-services/muscle-weakness-triage/feedback")
                    .then().statusCode(400).body("errors[0].field", equalTo("feedback[0].outcomeTimestamp"));
        }
        given().contentType(ContentType.JSON).body(CdsExamples.FEEDBACK)
                .when().post("/cds-services/no-such-service/feedback")
                .then().statusCode(404);
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
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            ids.add(id);
        }
        assertEquals(5, ids.size(), "the same answer twice is still two cards");
    }
}
