package dev.triageapi.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Triage requests on every door are counted by channel, outcome and urgency and timed; the rules version is a gauge label; nothing else. */
@QuarkusTest
class MetricsTest {

    static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void shouldCountFhirAndCdsHooksTriagesLikeJsonOnes() {
        String fhir = "triage_requests_total{channel=\"fhir\",outcome=\"ok\",urgency=\"emergency_ambulance\"}";
        String fhirRefused = "triage_requests_total{channel=\"fhir\",outcome=\"client_error\",urgency=\"none\"}";
        String cds = "triage_requests_total{channel=\"cds-hooks\",outcome=\"ok\",urgency=\"emergency_ambulance\"}";
        String before = metrics();
        given().contentType("application/fhir+json").body(dev.triageapi.fhir.FhirExamples.QUESTIONNAIRE_RESPONSE)
                .post("/api/v1/triage/fhir").then().statusCode(200);
        given().contentType("application/fhir+json").body("{\"resourceType\":\"Patient\"}")
                .post("/api/v1/triage/fhir").then().statusCode(400);
        given().contentType(ContentType.JSON).body(dev.triageapi.cdshooks.CdsExamples.ENCOUNTER_START)
                .post("/cds-services/muscle-weakness-triage").then().statusCode(200);
        String after = metrics();
        assertEquals(value(before, fhir) + 1, value(after, fhir), fhir);
        assertEquals(value(before, fhirRefused) + 1, value(after, fhirRefused), fhirRefused);
        assertEquals(value(before, cds) + 1, value(after, cds), cds);
    }

    @Test
    void shouldCountAndTimeTriageRequestsWithoutPatientData() {
        String ok = "triage_requests_total{channel=\"json\",outcome=\"ok\",urgency=\"consultation_24\"}";
        String clientError = "triage_requests_total{channel=\"json\",outcome=\"client_error\",urgency=\"none\"}";
        String before = metrics();

        given().contentType(ContentType.JSON).body("{\"age\":63,\"symptoms\":[{\"code\":\"drooping_eyelids\",\"onset\":\"gradual\"}]}")
                .post("/api/v1/triage").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"bone_pain\",\"onset\":\"often\"}]}")
                .post("/api/v1/triage").then().statusCode(400);

        String after = metrics();
        assertEquals(value(before, ok) + 1, value(after, ok), ok);
        assertEquals(value(before, clientError) + 1, value(after, clientError), clientError);
        assertTrue(after.contains("triage_request_duration_seconds_bucket{"), "latency histogram");
        assertTrue(Pattern.compile("^triage_rules_info\\{version=\"sha256:[0-9a-f]{64}\"} 1\\.0$", Pattern.MULTILINE)
                .matcher(after).find(), "rules version gauge");
        // Only these labels exist on the service's metrics, and none carries anything a patient reported.
        Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(
                String.join("\n", after.lines().filter(l -> l.startsWith("triage_")).toList()));
        while (label.find()) {
            String key = label.group(1);
            String value = label.group(2);
            assertTrue(java.util.Set.of("channel", "outcome", "urgency", "result", "version", "le", "service", "reason").contains(key), "label " + key);
            assertFalse(value.contains("drooping") || value.contains("bone") || value.contains("often"), key + "=" + value);
        }
    }
}
