package dev.triageapi.fhir;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Times in FHIR come with units: sudden facial weakness "90 min" ago is within the stroke treatment window, not
 * 90 hours old. Every UCUM unit of time is converted; a time without a unit, or in another unit, is refused;
 * answers recorded in error are not triaged; a record from years ago is history, and the latest record of a symptom
 * counts.
 */
@QuarkusTest
class FhirIntakeSafetyTest {

    static String bundle(String quantity) {
        String modifier = "{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"%s\"}]},%s}";
        String coding = "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier-value\",\"code\":\"%s\"}]}";
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\","
                + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"26544005\"}]},"
                + "\"component\":[" + String.format(modifier, "onset", String.format(coding, "sudden")) + ","
                + String.format(modifier, "side", String.format(coding, "left")) + ","
                + String.format(modifier, "locations", String.format(coding, "face")) + ","
                + String.format(modifier, "hoursSinceOnset", "\"valueQuantity\":" + quantity) + "]}}]}";
    }

    @ParameterizedTest(name = "{0} {1} = {2} h")
    @CsvSource({"90, min, 1.5", "5400, s, 1.5", "1.5, h, 1.5", "3, d, 72", "1, wk, 168", "2, mo, 1461", "2, a, 17532"})
    void shouldReadEveryUcumUnitOfTimeAsTheJsonApiReadsItsHours(String value, String unit, String hours) {
        String quantity = "{\"value\":" + value + ",\"unit\":\"" + unit + "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}";
        String json = given().contentType("application/json").body("{\"symptoms\":[{\"code\":\"muscle_weakness\",\"onset\":\"sudden\","
                + "\"side\":\"left\",\"locations\":[\"face\"],\"hoursSinceOnset\":" + hours + "}]}")
                .when().post("/api/v1/triage").then().statusCode(200).extract().path("urgency");
        given().contentType("application/fhir+json").accept("application/json").body(bundle(quantity))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200).body("urgency", equalTo(json));
    }

    @org.junit.jupiter.api.Test
    void shouldCallAnAmbulanceForSuddenFacialWeaknessNinetyMinutesAgo() {
        String quantity = "{\"value\":90,\"unit\":\"min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\"}";
        given().contentType("application/fhir+json").accept("application/json").body(bundle(quantity))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no unit at all            | {\"value\":90}",
            "a unit that is no time    | {\"value\":90,\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}",
            "a unit from another system| {\"value\":90,\"unit\":\"minutes\",\"system\":\"http://example.org/units\",\"code\":\"minutes\"}",
            "a unit in words only      | {\"value\":90,\"unit\":\"minutes\"}"})
    void shouldRefuseATimeWithoutAUnitOfTime(String name, String quantity) {
        given().contentType("application/fhir+json").accept("application/json").body(bundle(quantity))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).body("issue[0].diagnostics", containsString("UCUM unit"));
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseAQuestionnaireResponseEnteredInError() {
        given().contentType("application/fhir+json")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE.replace("\"completed\"", "\"entered-in-error\""))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).body("issue[0].expression[0]", equalTo("QuestionnaireResponse.status"));
    }

    static String numbness(String effective) {
        return "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + (effective == null ? "" : "\"effectiveDateTime\":\"" + effective + "\",")
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"44077006\"}]},"
                + "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"onset\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier-value\",\"code\":\"sudden\"}]}}]}}";
    }

    static String urgencyOf(String... entries) {
        return given().contentType("application/fhir+json").accept("application/json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + String.join(",", entries) + "]}")
                .when().post("/api/v1/triage/fhir").then().statusCode(200).extract().path("urgency");
    }

    @org.junit.jupiter.api.Test
    void shouldReadASymptomRecordedYearsAgoAsHistoryNotAsACurrentStrokeSign() {
        String recent = java.time.Instant.now().minusSeconds(30 * 60).toString();
        assertEquals("emergency_ambulance", urgencyOf(numbness(recent)));
        assertEquals("emergency_ambulance", urgencyOf(numbness(null)), "a record without a time is current");
        String old = urgencyOf(numbness("2015-03-02T10:00:00Z"));
        long hours = java.time.Duration.between(java.time.Instant.parse("2015-03-02T10:00:00Z"), java.time.Instant.now()).toHours();
        String json = given().contentType("application/json").body("{\"symptoms\":[{\"code\":\"numbness\",\"onset\":\"sudden\","
                + "\"hoursSinceOnset\":" + hours + "}]}").when().post("/api/v1/triage").then().statusCode(200).extract().path("urgency");
        assertEquals(json, old, "a record of 2015 is read as a symptom at least that old");
        org.junit.jupiter.api.Assertions.assertNotEquals("emergency_ambulance", old);
    }

    @org.junit.jupiter.api.Test
    void shouldTakeTheMostRecentRecordOfASymptomRecordedAtSeveralVisits() {
        String recent = java.time.Instant.now().minusSeconds(20 * 60).toString();
        assertEquals("emergency_ambulance", urgencyOf(numbness("2015-03-02T10:00:00Z"), numbness(recent)));
        assertEquals("emergency_ambulance", urgencyOf(numbness(recent), numbness("2015-03-02T10:00:00Z")));
    }

    /**
     * Shortness of breath as the HL7 Symptoms IG records it (its ShortnessOfBreath example's shape: category, subject,
     * performer, effectivePeriod, SNOMED dyspnea, the IG's severity and speed-of-onset components), but severe.
     */
    static String igBreathlessness(String severity, String onset) {
        String start = java.time.Instant.now().minusSeconds(20 * 60).toString();
        return "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"category\":[{\"coding\":[{\"system\":\"http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary\",\"code\":\"symptom\"}]}],"
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\",\"display\":\"Symptom\"}]},"
                + "\"subject\":{\"reference\":\"Patient/JaneDoe\"},\"performer\":[{\"reference\":\"Patient/JaneDoe\"}],"
                + "\"effectivePeriod\":{\"start\":\"" + start + "\"},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"267036007\"}],\"text\":\"Dyspnea (finding)\"},"
                + "\"bodySite\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"39607008\",\"display\":\"Lung structure\"}]},"
                + "\"component\":["
                + "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"64750-3\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + severity + "\"}]}},"
                + "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"99495-4\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + onset + "\"}]}},"
                + "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"89253-9\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"231877006\"}]}}]}}";
    }

    @ParameterizedTest(name = "severity {0}, onset {1}")
    @CsvSource({"24484000, 385315009, severe, sudden", "6736007, 61751001, moderate, gradual"})
    void shouldReadTheSymptomsIgsOwnComponentsAsItsOwnCodingWouldBeRead(String severity, String onset, String ours, String oursOnset) {
        String json = given().contentType("application/json").body("{\"symptoms\":[{\"code\":\"difficulty_breathing\","
                + "\"severity\":\"" + ours + "\",\"onset\":\"" + oursOnset + "\",\"worsening\":true,\"hoursSinceOnset\":0.34}]}")
                .when().post("/api/v1/triage").then().statusCode(200).extract().path("urgency");
        assertEquals(json, urgencyOf(igBreathlessness(severity, onset)));
    }

    @org.junit.jupiter.api.Test
    void shouldCallAnAmbulanceForSevereBreathlessnessCodedTheIgsWay() {
        assertEquals("emergency_ambulance", urgencyOf(igBreathlessness("24484000", "385315009")));
    }

    static String weaknessAt(String bodySite) {
        String start = java.time.Instant.now().minusSeconds(3 * 3600).toString();
        return "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"category\":[{\"coding\":[{\"system\":\"http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary\",\"code\":\"symptom\"}]}],"
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + "\"subject\":{\"reference\":\"Patient/JaneDoe\"},\"performer\":[{\"reference\":\"Patient/JaneDoe\"}],"
                + "\"effectivePeriod\":{\"start\":\"" + start + "\"},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"26544005\"}]},"
                + (bodySite == null ? "" : "\"bodySite\":" + bodySite + ",")
                + "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"99495-4\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"61751001\"}]}}]}}";
    }

    /**
     * One-sided weakness that came on over the last hours is a stroke sign (possible stuttering stroke): where the
     * record says the side only in its body site, the side must still be read.
     */
    @org.junit.jupiter.api.Test
    void shouldReadTheSideAndPlaceOfASymptomFromItsBodySite() {
        String unsided = urgencyOf(weaknessAt(null));
        org.junit.jupiter.api.Assertions.assertNotEquals("emergency_ambulance", unsided, "no side given: not this red flag");
        String qualifier = "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"53120007\",\"display\":\"Upper limb structure\"},"
                + "{\"system\":\"http://snomed.info/sct\",\"code\":\"7771000\",\"display\":\"Left\"}]}";
        assertEquals("emergency_ambulance", urgencyOf(weaknessAt(qualifier)), "left arm, by a laterality qualifier");
        String precoordinated = "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"368209003\",\"display\":\"Right upper arm structure\"}]}";
        assertEquals("emergency_ambulance", urgencyOf(weaknessAt(precoordinated)), "right upper arm, precoordinated");
        String json = given().contentType("application/fhir+json").accept("application/json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + weaknessAt(
                        "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"69536005\",\"display\":\"Head structure\"}]}") + "]}")
                .when().post("/api/v1/triage/fhir").then().statusCode(200).extract().path("unused[0].location");
        assertEquals("entry[0].resource.bodySite", json, "a site this service does not read is listed, not guessed");
    }

    /** A stroke sign recorded as gone again (our resolved component) is a possible TIA, read the same through FHIR. */
    @org.junit.jupiter.api.Test
    void shouldReadAResolvedStrokeSignAsAPossibleTia() {
        String recorded = java.time.Instant.now().minusSeconds(3 * 86400).toString();
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\","
                + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"75325-1\"}]},"
                + "\"effectiveDateTime\":\"" + recorded + "\","
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/symptom\",\"code\":\"difficulty_speaking\"}]},"
                + "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"99495-4\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"385315009\"}]}},"
                + "{\"code\":{\"coding\":[{\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier\",\"code\":\"resolved\"}]},\"valueBoolean\":true}]}}]}";
        given().contentType("application/fhir+json").accept("application/json").body(body)
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200)
                .body("urgency", equalTo("emergency"))
                .body("redFlags.code", org.hamcrest.Matchers.hasItem("possible_tia"));
    }
}
