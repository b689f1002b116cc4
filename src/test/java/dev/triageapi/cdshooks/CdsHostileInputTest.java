package dev.triageapi.cdshooks;

import dev.triageapi.testing.Hostile;
import dev.triageapi.testing.HostileCorpus;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static dev.triageapi.testing.Hostile.bytes;
import static dev.triageapi.testing.Hostile.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;

/**
 * What an EHR, a broken integration or an attacker may post to the CDS service: malformed hook calls and hostile
 * FHIR inside the context and prefetch. Each must be refused with a 4xx problem within a second.
 */
@QuarkusTest
class CdsHostileInputTest extends HostileCorpus {

    static final String PATH = "/cds-services/muscle-weakness-triage";
    static final String JSON = "application/json";
    static final String INSTANCE = "\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\"";

    static String encounter(String prefetch) {
        return "{\"hook\":\"encounter-start\"," + INSTANCE + ",\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"1\","
                + "\"encounterId\":\"2\"},\"prefetch\":" + prefetch + "}";
    }

    static String symptoms(String bundle) {
        return encounter("{\"symptoms\":" + bundle + "}");
    }

    static String bundle(String entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + entries + "]}";
    }

    static String observation(String extra) {
        return "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"26544005\"}]}"
                + extra + "}}";
    }

    static String hours(String value) {
        return ",\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\","
                + "\"code\":\"hoursSinceOnset\"}]},\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"h\"}}]";
    }

    static String questionnaireCall(String response) {
        return "{\"hook\":\"questionnaire-inprogress\"," + INSTANCE + ",\"context\":{\"questionnaireResponse\":" + response + "}}";
    }

    static Stream<Arguments> bodies() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("empty object", utf8("{}")));
        cases.add(Arguments.of("no hook", utf8("{" + INSTANCE + ",\"context\":{}}")));
        cases.add(Arguments.of("unknown hook", utf8("{\"hook\":\"patient-view\"," + INSTANCE + ",\"context\":{}}")));
        cases.add(Arguments.of("hook as a number", utf8("{\"hook\":1," + INSTANCE + "}")));
        cases.add(Arguments.of("hookInstance as a number", utf8(encounter("{}").replace(INSTANCE, "\"hookInstance\":1"))));
        cases.add(Arguments.of("hookInstance as a boolean", utf8(encounter("{}").replace(INSTANCE, "\"hookInstance\":true"))));
        cases.add(Arguments.of("no hookInstance", utf8(encounter("{}").replace(INSTANCE + ",", ""))));
        cases.add(Arguments.of("blank hookInstance", utf8(encounter("{}").replace(INSTANCE, "\"hookInstance\":\" \""))));
        cases.add(Arguments.of("hookInstance of 5000 characters", utf8(encounter("{}").replace(INSTANCE,
                "\"hookInstance\":\"" + "a".repeat(5000) + "\""))));
        cases.add(Arguments.of("hook with markup", utf8("{\"hook\":\"<script>alert(1)</script>\"," + INSTANCE + "}")));
        cases.add(Arguments.of("context as a string", utf8("{\"hook\":\"encounter-start\"," + INSTANCE + ",\"context\":\"x\"}")));
        cases.add(Arguments.of("no context", utf8("{\"hook\":\"encounter-start\"," + INSTANCE + "}")));
        cases.add(Arguments.of("patientId as a huge number", utf8(encounter("{}").replace("\"patientId\":\"1\"", "\"patientId\":1e999999"))));
        cases.add(Arguments.of("patientId as an object", utf8(encounter("{}").replace("\"patientId\":\"1\"", "\"patientId\":{}"))));
        cases.add(Arguments.of("prefetch as a string", utf8(encounter("\"x\""))));
        cases.add(Arguments.of("prefetch as an array", utf8(encounter("[]"))));
        cases.add(Arguments.of("no prefetch", utf8(encounter("{}"))));
        cases.add(Arguments.of("symptoms prefetch as a string", utf8(symptoms("\"Bundle\""))));
        cases.add(Arguments.of("symptoms prefetch as an array", utf8(symptoms("[]"))));
        cases.add(Arguments.of("symptoms prefetch as a number", utf8(symptoms("1e999999"))));
        cases.add(Arguments.of("symptoms prefetch is a Patient", utf8(symptoms("{\"resourceType\":\"Patient\"}"))));
        cases.add(Arguments.of("symptoms prefetch with a null resource", utf8(symptoms(bundle("{\"resource\":null}")))));
        cases.add(Arguments.of("symptoms prefetch with a decimal 1e999999", utf8(symptoms(bundle(
                "{\"resource\":{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"x\",\"valueDecimal\":1e999999}]}}")))));
        cases.add(Arguments.of("symptoms prefetch with a decimal 1e99999999",
                utf8(symptoms(bundle(observation(hours("1e99999999")))))));
        cases.add(Arguments.of("symptoms prefetch with hours as a string", utf8(symptoms(bundle(observation(hours("\"2\"")))))));
        cases.add(Arguments.of("symptoms prefetch with 600 entries",
                utf8(symptoms(bundle(String.join(",", Collections.nCopies(600, observation(""))))))));
        cases.add(Arguments.of("symptoms prefetch nested 3000 deep", utf8(symptoms(Hostile.nested("resource", 3000)))));
        cases.add(Arguments.of("symptoms prefetch with a bogus status", utf8(symptoms(bundle(observation("").replace("\"final\"", "\"bogus\""))))));
        cases.add(Arguments.of("symptoms prefetch with duplicate keys", utf8(symptoms(
                "{\"resourceType\":\"Bundle\",\"resourceType\":\"Bundle\"}"))));
        cases.add(Arguments.of("patient prefetch as a number", utf8(encounter("{\"patient\":7,\"symptoms\":" + bundle(observation("")) + "}"))));
        cases.add(Arguments.of("patient prefetch with a decimal 1e999999", utf8(encounter("{\"patient\":{\"resourceType\":\"Patient\","
                + "\"extension\":[{\"url\":\"x\",\"valueDecimal\":1e999999}]},\"symptoms\":" + bundle(observation("")) + "}"))));
        cases.add(Arguments.of("patient prefetch with a birth date that is no date", utf8(encounter("{\"patient\":{\"resourceType\":\"Patient\","
                + "\"birthDate\":\"long ago\"},\"symptoms\":" + bundle(observation("")) + "}"))));
        cases.add(Arguments.of("a questionnaire-inprogress call to the encounter service", utf8(questionnaireCall(
                dev.triageapi.fhir.FhirExamples.QUESTIONNAIRE_RESPONSE))));
        cases.add(Arguments.of("patientId with a query in it", utf8(encounter("{}").replace("\"patientId\":\"1\"", "\"patientId\":\"1&_include=*\""))));
        cases.add(Arguments.of("patientId climbing out of the path", utf8(encounter("{}").replace("\"patientId\":\"1\"", "\"patientId\":\"../../metadata\""))));
        cases.add(Arguments.of("patientId with a newline", utf8(encounter("{}").replace("\"patientId\":\"1\"", "\"patientId\":\"1\\r\\nX: y\""))));
        cases.add(Arguments.of("fhirAuthorization token with a newline", utf8(encounter("{}").replace("\"prefetch\"",
                "\"fhirServer\":\"https://ehr.example.org/fhir\",\"fhirAuthorization\":{\"access_token\":\"a\\r\\nX: y\"},\"prefetch\""))));
        cases.add(Arguments.of("fhirAuthorization as a string", utf8(symptoms(bundle(observation(""))).replace("\"prefetch\"",
                "\"fhirAuthorization\":\"Bearer x\",\"prefetch\""))));
        cases.add(Arguments.of("fhirServer as a number", utf8(symptoms(bundle(observation(""))).replace("\"prefetch\"",
                "\"fhirServer\":42,\"prefetch\""))));
        cases.add(Arguments.of("not JSON", utf8("hook=encounter-start")));
        cases.add(Arguments.of("empty body", new byte[0]));
        cases.add(Arguments.of("top-level array", utf8("[" + encounter("{}") + "]")));
        cases.add(Arguments.of("trailing garbage", utf8(encounter("{}") + "x")));
        cases.add(Arguments.of("duplicate hook", utf8("{\"hook\":\"encounter-start\",\"hook\":\"questionnaire-inprogress\"," + INSTANCE + "}")));
        cases.add(Arguments.of("invalid UTF-8", bytes("{\"hook\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}")));
        cases.add(Arguments.of("context nested 3000 deep", utf8("{\"hook\":\"encounter-start\"," + INSTANCE + ",\"context\":"
                + Hostile.nested("a", 3000) + "}")));
        cases.add(Arguments.of("string of 40000 characters in the context", utf8(encounter("{}").replace("\"encounterId\":\"2\"",
                "\"encounterId\":\"" + "e".repeat(40000) + "\""))));
        return cases.stream();
    }

    @Override
    protected String path() {
        return PATH;
    }

    @Override
    protected String contentType() {
        return JSON;
    }

    @Override
    protected void assertStillAnswers() {
        given().contentType(JSON).body(CdsExamples.ENCOUNTER_START).when().post(PATH)
                .then().statusCode(200).body("cards", hasSize(1));
    }
}
