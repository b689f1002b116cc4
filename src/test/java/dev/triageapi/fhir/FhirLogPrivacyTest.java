package dev.triageapi.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.triageapi.cdshooks.CdsExamples;
import dev.triageapi.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A marker (with CR LF, an ANSI escape and a forged log line) in every string field of real FHIR intake, sent to every
 * FHIR-carrying endpoint: neither HAPI's parser nor the service may carry any of it into the log.
 */
@QuarkusTest
class FhirLogPrivacyTest {

    static final String MARKER = "ZQXJ7 difficulty_speaking age 87\r\n2026-01-01 00:00:00,000 INFO forged\u001b[31m red";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Strings the triage reads: changing them turns the request into an error, the other path worth checking. */
    static final Set<String> SEMANTIC = Set.of("resourceType", "linkId", "system", "code", "status", "type", "hook",
            "hookInstance", "patientId", "url", "fullUrl", "valueCode", "gender", "birthDate", "questionnaire",
            "effectiveDateTime", "reference");

    @Test
    void shouldLogNoRequestTextFromFhirBodies() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            for (String example : new String[] {FhirExamples.QUESTIONNAIRE_RESPONSE, FhirExamples.OBSERVATION_BUNDLE}) {
                post("/api/v1/triage/fhir", "application/fhir+json", marked(example, name -> !SEMANTIC.contains(name)), 200);
                post("/api/v1/triage/fhir", "application/fhir+json", marked(example, name -> true), 400);
                post("/api/v1/triage/fhir", "application/fhir+json", withDanglingSubject(example), 400);
                // A Bundle cannot contain resources: there the same body is an error, the other path worth checking.
                post("/api/v1/triage/fhir", "application/fhir+json", withContainedSubject(example),
                        example.contains("QuestionnaireResponse") ? 200 : 400);
            }
            post("/cds-services/muscle-weakness-triage", "application/json",
                    marked(CdsExamples.ENCOUNTER_START, name -> !SEMANTIC.contains(name)), 200);
            post("/cds-services/muscle-weakness-triage", "application/json",
                    marked(CdsExamples.ENCOUNTER_START, name -> true), 400);
            String last = "00000000-0000-4000-8000-00000000f1a9";
            given().header("X-Request-Id", last).when().get("/api/v1/symptoms").then().statusCode(200);
            await().until(() -> log.lines().stream().anyMatch(l -> l.contains(last)));
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("ZQXJ7") || l.contains("forged")
                    || l.contains("\u001b")), "request text reached the log: " + log.lines());
        }
    }

    private static void post(String path, String type, String body, int status) {
        given().contentType(type).body(body).when().post(path).then().statusCode(status);
    }

    /** The example with the marker in every string whose field name passes {@code replace}. */
    static String marked(String example, Predicate<String> replace) throws Exception {
        JsonNode root = JSON.readTree(example);
        mark(root, replace);
        return JSON.writeValueAsString(root);
    }

    /** A subject pointing to a contained resource that is not there: HAPI once logged the reference verbatim. */
    static String withDanglingSubject(String example) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(example);
        root.putObject("subject").put("reference", "#" + MARKER);
        return JSON.writeValueAsString(root);
    }

    /**
     * A subject that is contained in the request but would not be in the RiskAssessment: encoding such a reference
     * once made HAPI's default error handler log it verbatim.
     */
    static String withContainedSubject(String example) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(example);
        root.putArray("contained").addObject().put("resourceType", "Patient").put("id", MARKER);
        root.putObject("subject").put("reference", "#" + MARKER);
        return JSON.writeValueAsString(root);
    }

    private static void mark(JsonNode node, Predicate<String> replace) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual() && replace.test(field.getKey())) {
                    field.setValue(new TextNode(MARKER));
                } else {
                    mark(field.getValue(), replace);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> mark(element, replace));
        }
    }
}
