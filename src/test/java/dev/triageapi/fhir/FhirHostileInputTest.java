package dev.triageapi.fhir;

import dev.triageapi.testing.Hostile;
import dev.triageapi.testing.HostileCorpus;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.triageapi.testing.Hostile.bytes;
import static dev.triageapi.testing.Hostile.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * What an EHR, a broken integration or an attacker may post to {@code /api/v1/triage/fhir}. Each body must be
 * refused with a 4xx problem within a second, leave the service answering, and cost no heap worth mentioning
 * (several of these once took minutes or an {@code OutOfMemoryError}).
 */
@QuarkusTest
class FhirHostileInputTest extends HostileCorpus {

    static final String PATH = "/api/v1/triage/fhir";
    static final String FHIR = "application/fhir+json";

    static String bundle(String entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + entries + "]}";
    }

    static String observation(String extra) {
        return bundle("{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"26544005\"}]}"
                + extra + "}}");
    }

    /** A weakness Observation and one vital sign with the given value and UCUM unit. */
    static String vitalSign(String loinc, String value, String unit) {
        return bundle("{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"26544005\"}]}}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},"
                + "\"valueQuantity\":{\"value\":" + value + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}}}");
    }

    static String questionnaire(String items) {
        return "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[" + items + "]}";
    }

    static String patientExtension(String value) {
        return bundle("{\"resource\":{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"x\",\"valueDecimal\":" + value + "}]}}");
    }

    static Stream<Arguments> bodies() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("decimal 1e999999 in a Patient extension", utf8(patientExtension("1e999999"))));
        cases.add(Arguments.of("decimal 1e9999999 in a Patient extension", utf8(patientExtension("1e9999999"))));
        cases.add(Arguments.of("decimal 1e99999999 in a Patient extension", utf8(patientExtension("1e99999999"))));
        cases.add(Arguments.of("decimal 1e-999999", utf8(patientExtension("1e-999999"))));
        cases.add(Arguments.of("decimal 1E+999999", utf8(patientExtension("1E+999999"))));
        cases.add(Arguments.of("decimal of 1000 digits", utf8(patientExtension("1" + "0".repeat(999)))));
        cases.add(Arguments.of("decimal 1e999999 as a QuestionnaireResponse age", utf8(questionnaire(
                "{\"linkId\":\"age\",\"answer\":[{\"valueDecimal\":1e999999}]}"))));
        cases.add(Arguments.of("hours 1e999999 as an Observation valueQuantity", utf8(observation(
                ",\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"hoursSinceOnset\"}]},"
                        + "\"valueQuantity\":{\"value\":1e999999,\"unit\":\"h\"}}]"))));
        for (String value : List.of("1e308", "-1e308", "1e999999", "900", "0")) {
            cases.add(Arguments.of("heart rate " + value + " as a vital-sign Observation", utf8(vitalSign("8867-4", value, "/min"))));
        }
        cases.add(Arguments.of("temperature 1e308 °F", utf8(vitalSign("8310-5", "1e308", "[degF]"))));
        // Read to one decimal: a value past double's range must not reach the rounding as an infinity.
        for (String value : List.of("1e999999", "-1e999999", "1e309")) {
            cases.add(Arguments.of("temperature " + value + " °C", utf8(vitalSign("8310-5", value, "Cel"))));
            cases.add(Arguments.of("glucose " + value + " mg/dL", utf8(vitalSign("2339-0", value, "mg/dL"))));
        }
        cases.add(Arguments.of("glucose -5 mg/dL", utf8(vitalSign("2339-0", "-5", "mg/dL"))));
        cases.add(Arguments.of("QuestionnaireResponse heart rate as a string", utf8(questionnaire(
                "{\"linkId\":\"symptoms\",\"item\":[{\"linkId\":\"fatigue\",\"answer\":[{\"valueBoolean\":true}]}]},"
                        + "{\"linkId\":\"vitals\",\"item\":[{\"linkId\":\"heartRate\",\"answer\":[{\"valueString\":\"88\"}]}]}"))));
        cases.add(Arguments.of("QuestionnaireResponse consciousness off the scale", utf8(questionnaire(
                "{\"linkId\":\"symptoms\",\"item\":[{\"linkId\":\"fatigue\",\"answer\":[{\"valueBoolean\":true}]}]},"
                        + "{\"linkId\":\"vitals\",\"item\":[{\"linkId\":\"consciousness\",\"answer\":[{\"valueCoding\":{\"code\":\"drowsy\"}}]}]}"))));
        cases.add(Arguments.of("entry with a null resource", utf8(bundle("{\"resource\":null}"))));
        cases.add(Arguments.of("null entry", utf8(bundle("null"))));
        cases.add(Arguments.of("entry as a string", utf8(bundle("\"x\""))));
        cases.add(Arguments.of("resource as an array", utf8(bundle("{\"resource\":[]}"))));
        cases.add(Arguments.of("resource as a string", utf8(bundle("{\"resource\":\"Observation\"}"))));
        cases.add(Arguments.of("empty resource", utf8(bundle("{\"resource\":{}}"))));
        cases.add(Arguments.of("no resourceType", utf8("{\"type\":\"collection\",\"entry\":[]}")));
        cases.add(Arguments.of("unknown resourceType", utf8("{\"resourceType\":\"Foo\"}")));
        cases.add(Arguments.of("resourceType as a number", utf8("{\"resourceType\":7}")));
        cases.add(Arguments.of("a resource type the intake does not take", utf8("{\"resourceType\":\"Patient\",\"gender\":\"female\"}")));
        cases.add(Arguments.of("extensions nested 2000 deep", utf8("{\"resourceType\":\"Patient\",\"extension\":["
                + "{\"url\":\"x\",\"extension\":[".repeat(2000) + "]}".repeat(2000) + "]}")));
        cases.add(Arguments.of("objects nested 5000 deep", utf8(Hostile.nested("resourceType", 5000))));
        cases.add(Arguments.of("arrays nested 5000 deep", utf8("[".repeat(5000) + "]".repeat(5000))));
        cases.add(Arguments.of("600 entries", utf8(bundle(String.join(",", java.util.Collections.nCopies(600, "{}"))))));
        cases.add(Arguments.of("an array of 20000 numbers", utf8("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"x\":["
                + String.join(",", java.util.Collections.nCopies(20000, "1")) + "]}")));
        cases.add(Arguments.of("string of 40000 characters", utf8("{\"resourceType\":\"Bundle\",\"id\":\"" + "a".repeat(40000) + "\"}")));
        cases.add(Arguments.of("duplicate key", utf8("{\"resourceType\":\"Bundle\",\"resourceType\":\"QuestionnaireResponse\"}")));
        cases.add(Arguments.of("age as the string \"71\"", utf8(questionnaire("{\"linkId\":\"age\",\"answer\":[{\"valueInteger\":\"71\"}]}"))));
        cases.add(Arguments.of("yes as the string \"true\"", utf8(questionnaire("{\"linkId\":\"symptoms\",\"item\":[{\"linkId\":\"fatigue\","
                + "\"answer\":[{\"valueBoolean\":\"true\"}]}]}"))));
        cases.add(Arguments.of("quantity value as a string", utf8(observation(
                ",\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"hoursSinceOnset\"}]},"
                        + "\"valueQuantity\":{\"value\":\"90\",\"unit\":\"h\"}}]"))));
        cases.add(Arguments.of("status as a number", utf8(observation(",\"issued\":5"))));
        cases.add(Arguments.of("age beyond a 32-bit integer", utf8(questionnaire("{\"linkId\":\"age\",\"answer\":[{\"valueInteger\":2147483648}]}"))));
        cases.add(Arguments.of("negative age", utf8(questionnaire("{\"linkId\":\"age\",\"answer\":[{\"valueInteger\":-5}]},"
                + "{\"linkId\":\"symptoms\",\"item\":[{\"linkId\":\"fatigue\",\"answer\":[{\"valueBoolean\":true}]}]}"))));
        cases.add(Arguments.of("invalid UTF-8", bytes("{\"resourceType\":\"Bundle\",\"id\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}")));
        cases.add(Arguments.of("XML instead of JSON", utf8("<QuestionnaireResponse xmlns=\"http://hl7.org/fhir\"/>")));
        cases.add(Arguments.of("empty body", new byte[0]));
        cases.add(Arguments.of("whitespace body", utf8("   \n  ")));
        cases.add(Arguments.of("top-level array", utf8("[" + questionnaire("") + "]")));
        cases.add(Arguments.of("top-level string", utf8("\"QuestionnaireResponse\"")));
        cases.add(Arguments.of("trailing garbage", utf8(questionnaire("") + "}")));
        cases.add(Arguments.of("NaN literal", utf8(patientExtension("NaN"))));
        cases.add(Arguments.of("comment in the JSON", utf8("{/* x */\"resourceType\":\"Bundle\"}")));
        cases.add(Arguments.of("raw control character in a string", utf8("{\"resourceType\":\"Bundle\",\"id\":\"a\u0001b\"}")));
        cases.add(Arguments.of("Observation status not a FHIR code", utf8(observation("").replace("\"final\"", "\"bogus\""))));
        cases.add(Arguments.of("Observation date that is no date", utf8(observation(",\"effectiveDateTime\":\"yesterday\""))));
        cases.add(Arguments.of("extension url as a number", utf8("{\"resourceType\":\"Patient\",\"extension\":[{\"url\":1}]}")));
        cases.add(Arguments.of("entry not an array", utf8("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":{\"resource\":{}}}")));
        cases.add(Arguments.of("QuestionnaireResponse item null", utf8(questionnaire("null"))));
        cases.add(Arguments.of("symptom item without a linkId", utf8(questionnaire(
                "{\"linkId\":\"symptoms\",\"item\":[{\"answer\":[{\"valueBoolean\":true}]}]}"))));
        cases.add(Arguments.of("modifier item without a linkId", utf8(questionnaire(
                "{\"linkId\":\"symptoms\",\"item\":[{\"linkId\":\"muscle_weakness\",\"answer\":[{\"valueBoolean\":true,"
                        + "\"item\":[{\"answer\":[{\"valueBoolean\":true}]}]}]}]}"))));
        cases.add(Arguments.of("risk factor item without a linkId", utf8(questionnaire(
                "{\"linkId\":\"riskFactors\",\"item\":[{\"answer\":[{\"valueBoolean\":true}]}]}"))));
        cases.add(Arguments.of("QuestionnaireResponse item with markup linkId", utf8(questionnaire(
                "{\"linkId\":\"<img src=x onerror=alert(1)>\",\"answer\":[{\"valueBoolean\":true}]}"))));
        cases.add(Arguments.of("QuestionnaireResponse with a NUL in a linkId", utf8(questionnaire(
                "{\"linkId\":\"age\\u0000\",\"answer\":[{\"valueInteger\":40}]}"))));
        cases.add(Arguments.of("contained resources nested in one another", utf8("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
                + "\"contained\":[" + "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"a\",\"status\":\"completed\",\"contained\":[".repeat(40)
                + "]}".repeat(40) + "]}")));
        cases.add(Arguments.of("unknown element", utf8("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"bogus\":1}")));
        return cases.stream();
    }

    @Override
    protected String path() {
        return PATH;
    }

    @Override
    protected String contentType() {
        return FHIR;
    }

    @Override
    protected void assertStillAnswers() {
        given().contentType(FHIR).accept("application/json").body(FhirExamples.observationBundleRecordedAt(java.time.Instant.now())).when().post(PATH)
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }
}
