package dev.triageapi.fhir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Vital signs and denied risk factors through the FHIR door: vital-sign Observations, and the Questionnaire's groups. */
@QuarkusTest
class FhirVitalsTest {

    static final String WEAKNESS = """
            {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},
             "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"26544005"}]},
             "component":[{"code":{"coding":[{"system":"http://triageapi.dev/fhir/CodeSystem/modifier","code":"onset"}]},
               "valueCodeableConcept":{"coding":[{"system":"http://triageapi.dev/fhir/CodeSystem/modifier-value","code":"gradual"}]}}]}}""";

    static String vital(String loinc, double value, String unit, Instant when) {
        return """
                {"resource":{"resourceType":"Observation","status":"final","effectiveDateTime":"%s",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}}"""
                .formatted(when, loinc, value, unit, unit);
    }

    static ValidatableResponse triage(String... entries) {
        return given().contentType("application/fhir+json").accept("application/json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + String.join(",", entries) + "]}")
                .when().post("/api/v1/triage/fhir").then().statusCode(200);
    }

    @Test
    void shouldScoreTheVitalSignsAnEhrRecordedInItsOwnUnits() {
        Instant now = Instant.now().minusSeconds(900);
        String panel = """
                {"resource":{"resourceType":"Observation","status":"final","effectiveDateTime":"%s",
                 "code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},
                 "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
                                "valueQuantity":{"value":98,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
                              {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},
                                "valueQuantity":{"value":60,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}}"""
                .formatted(now);
        // 26/min (3), 91% (3), 118 {beats}/min (2), systolic 98 (2), 100.2 °F = 37.9 °C (0): NEWS2 10.
        triage(WEAKNESS, vital("9279-1", 26, "/min", now), vital("59408-5", 91, "%", now), vital("8867-4", 118, "{beats}/min", now),
                panel, vital("8310-5", 100.2, "[degF]", now))
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags.code", hasItem("news2_high"))
                .body("redFlags.code", not(hasItem("possible_sepsis")));
    }

    /**
     * The units real records use: the FHIR specification's glucose example writes mmol/l (UCUM's lower-case litre),
     * US Core's heart-rate examples {@code /min} with "beats/minute" as the display unit.
     */
    @Test
    void shouldReadTheUnitsOfPublishedVitalSignExamples() {
        triage(WEAKNESS, vital("15074-8", 2.8, "mmol/l", Instant.now()))
                .body("redFlags.code", hasItem("severe_low_blood_glucose"));
        triage(WEAKNESS, vital("2339-0", 52, "mg/dl", Instant.now()))
                .body("redFlags.code", hasItem("severe_low_blood_glucose"));
        triage(WEAKNESS, vital("8867-4", 38, "{beat}/min", Instant.now()), vital("9279-1", 7, "{breath}/min", Instant.now()))
                .body("redFlags.code", hasItem("news2_red_parameter"));
    }

    /** A value in a component of the same code (as some device feeds send heart rate) is read, like a panel's systolic. */
    @Test
    void shouldReadAVitalSignWhoseValueIsInAComponentOfItsOwnCode() {
        String componentOnly = """
                {"resource":{"resourceType":"Observation","status":"final","effectiveDateTime":"%s",
                 "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},
                 "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},
                   "valueQuantity":{"value":150,"unit":"beats/min","system":"http://unitsofmeasure.org","code":"/min"}}]}}"""
                .formatted(Instant.now());
        triage(WEAKNESS, componentOnly).body("redFlags.code", hasItem("news2_red_parameter"));
        triage(WEAKNESS, componentOnly.replace("\"valueQuantity\":{\"value\":150,\"unit\":\"beats/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}",
                "\"valueString\":\"150\""))
                .body("unused.location", hasItem("entry[1].resource.value"))
                .body("unused.reason", hasItem(containsString("without a Quantity value")));
    }

    @Test
    void shouldConvertAGlucoseInMilligramsPerDecilitre() {
        triage(WEAKNESS, vital("2339-0", 50, "mg/dL", Instant.now()))
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags.code", hasItem("severe_low_blood_glucose"));
    }

    @Test
    void shouldListAnOldOrUnconvertibleMeasurementInsteadOfReadingIt() {
        Instant lastWeek = Instant.now().minusSeconds(7 * 86400);
        triage(WEAKNESS, vital("8867-4", 150, "/min", lastWeek), vital("8310-5", 311, "K", Instant.now()))
                .body("urgency", not(equalTo("emergency")))
                .body("redFlags.code", not(hasItem("news2_red_parameter")))
                .body("unused.location", hasItem("entry[1].resource"))
                .body("unused.reason", hasItem(containsString("more than 6 hours ago")))
                .body("unused.location", hasItem("entry[2].resource.value"))
                .body("unused.reason", hasItem(containsString("unit")));
    }

    /**
     * The worked NEWS2 example of the NHS Wales emergency department IG (SynaneticsLtd/emergency-department-ig,
     * examples Observation-*Test-*), transcribed: vital signs coded with SNOMED CT and LOINC side by side, the
     * systolic in a panel component, room air and ACVPU as SNOMED CT observations. The IG scores it 6; by the RCP
     * chart it is 5 (the IG gives 37.5 °C a point, the chart gives 36.1-38.0 none). Either way the band is 5-6.
     */
    @Test
    void shouldScoreThePublishedNhsWorkedExampleInItsBand() {
        String at = Instant.now().minusSeconds(300).toString();
        String both = "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"effectiveDateTime\":\"" + at + "\","
                + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"%s\"},{\"system\":\"http://loinc.org\",\"code\":\"%s\"}]},"
                + "\"valueQuantity\":{\"value\":%s,\"unit\":\"%s\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"%s\"}}}";
        String pressure = "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"effectiveDateTime\":\"" + at + "\","
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"75367002\"},{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]},"
                + "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"72313002\"},{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},"
                + "\"valueQuantity\":{\"value\":120,\"unit\":\"millimeter of mercury\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}},"
                + "{\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"1091811000000102\"},{\"system\":\"http://loinc.org\",\"code\":\"8462-4\"}]},"
                + "\"valueQuantity\":{\"value\":60,\"unit\":\"millimeter of mercury\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}]}}";
        String roomAir = "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"effectiveDateTime\":\"" + at + "\","
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"722742002\",\"display\":\"Breathing room air\"}]}}}";
        String acvpu = "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"effectiveDateTime\":\"" + at + "\","
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"1104441000000107\"}]},"
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"248234008\",\"display\":\"Mentally alert\"}]}}}";
        triage(WEAKNESS,
                both.formatted("86290005", "9279-1", 21, "Breaths / minute", "/min"),
                both.formatted("364075005", "8867-4", 95, "heart beats per minute", "/min"),
                both.formatted("431314004", "59408-5", 93, "percent", "%"),
                both.formatted("276885007", "8310-5", 37.5, "degree Celsius", "Cel"),
                pressure, roomAir, acvpu)
                .body("urgency", equalTo("emergency"))
                .body("redFlags.code", hasItem("news2_medium"))
                .body("redFlags.find { it.code == 'news2_medium' }.evidence",
                        org.hamcrest.Matchers.containsInAnyOrder("vitals.respiratoryRate", "vitals.heartRate", "vitals.oxygenSaturation"))
                .body("unused.location", hasItem("entry[6].resource"))
                .body("unused.location", hasItem("entry[7].resource"));
    }

    /** Found by RandomBodyIT: a LOINC coding whose code is missing (or not a string) made the vital-sign lookup fail. */
    @Test
    void shouldReadALoincCodingWithoutACodeAsNoVitalSign() {
        String noCode = """
                {"resource":{"resourceType":"Observation","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":[],"display":"Symptom"}]},
                 "valueQuantity":{"value":150,"unit":"/min","system":"http://unitsofmeasure.org","code":"/min"}}}""";
        String noCodeAtAll = noCode.replace("\"code\":[],", "");
        triage(WEAKNESS, noCode, noCodeAtAll).body("redFlags.code", not(hasItem("news2_red_parameter")));
    }

    /** Found in review: a vital sign without a status reached a null status's code; like a symptom it is read. */
    @Test
    void shouldReadAVitalSignWithoutAStatusAndListOneEnteredInError() {
        String noStatus = vital("8480-6", 85, "mm[Hg]", Instant.now()).replace("\"status\":\"final\",", "");
        triage(WEAKNESS, noStatus).body("redFlags.code", hasItem("news2_red_parameter"));
        String inError = vital("8480-6", 85, "mm[Hg]", Instant.now()).replace("\"final\"", "\"entered-in-error\"");
        triage(WEAKNESS, inError)
                .body("redFlags.code", not(hasItem("news2_red_parameter")))
                .body("unused.reason", hasItem(containsString("entered-in-error")));
    }

    @Test
    void shouldTakeTheLatestOfTwoMeasurements() {
        Instant earlier = Instant.now().minusSeconds(3 * 3600);
        Instant later = Instant.now().minusSeconds(600);
        triage(WEAKNESS, vital("8480-6", 85, "mm[Hg]", later), vital("8480-6", 130, "mm[Hg]", earlier))
                .body("redFlags.code", hasItem("news2_red_parameter"))
                .body("unused.location", hasItem("entry[2].resource"));
    }

    @Test
    void shouldCompleteASelfCareScreenFromAQuestionnaireResponse() {
        String mv = "\"system\":\"http://triageapi.dev/fhir/CodeSystem/modifier-value\"";
        String body = """
                {"resourceType":"QuestionnaireResponse","questionnaire":"http://triageapi.dev/fhir/Questionnaire/muscle-weakness-intake",
                 "status":"completed","item":[
                  {"linkId":"age","answer":[{"valueInteger":27}]},
                  {"linkId":"pregnancy","answer":[{"valueCoding":{%1$s,"code":"not_pregnant"}}]},
                  {"linkId":"symptoms","item":[
                    {"linkId":"muscle_pain","answer":[{"valueBoolean":true,"item":[
                      {"linkId":"muscle_pain.onset","answer":[{"valueCoding":{%1$s,"code":"gradual"}}]},
                      {"linkId":"muscle_pain.severity","answer":[{"valueCoding":{%1$s,"code":"moderate"}}]},
                      {"linkId":"muscle_pain.hoursSinceOnset","answer":[{"valueDecimal":40}]},
                      {"linkId":"muscle_pain.worsening","answer":[{"valueBoolean":false}]},
                      {"linkId":"muscle_pain.trigger","answer":[{"valueCoding":{%1$s,"code":"exercise"}}]}]}]},
                    {"linkId":"dark_urine","answer":[{"valueBoolean":false}]},
                    {"linkId":"fever","answer":[{"valueBoolean":false}]},
                    {"linkId":"numbness","answer":[{"valueBoolean":false}]}]},
                  {"linkId":"riskFactors","item":[{"linkId":"statin_use","answer":[{"valueBoolean":false}]}]},
                  {"linkId":"vitals","item":[{"linkId":"heartRate","answer":[{"valueInteger":72}]},
                                            {"linkId":"temperature","answer":[{"valueDecimal":36.8}]},
                                            {"linkId":"consciousness","answer":[{"valueCoding":{%1$s,"code":"alert"}}]}]}]}"""
                .formatted(mv);
        given().contentType("application/fhir+json").accept("application/json").body(body)
                .when().post("/api/v1/triage/fhir").then().statusCode(200)
                .body("urgency", equalTo("self_care"))
                .body("selfCare.pathway", equalTo("exercise_soreness"));
        // The same answers with the statin question unanswered: unknown, never no.
        given().contentType("application/fhir+json").accept("application/json")
                .body(body.replace("{\"linkId\":\"statin_use\",\"answer\":[{\"valueBoolean\":false}]}", "{\"linkId\":\"statin_use\"}"))
                .when().post("/api/v1/triage/fhir").then().statusCode(200)
                .body("urgency", equalTo("consultation"))
                .body("screenQuestions.code", hasItem("statin_use"));
    }

    @Test
    void shouldRefuseAnImpossibleVitalSignInAQuestionnaireResponseWithAnOperationOutcome() {
        String body = """
                {"resourceType":"QuestionnaireResponse","status":"completed","item":[
                  {"linkId":"symptoms","item":[{"linkId":"fatigue","answer":[{"valueBoolean":true}]}]},
                  {"linkId":"vitals","item":[{"linkId":"heartRate","answer":[{"valueInteger":900}]}]}]}""";
        given().contentType("application/fhir+json").body(body)
                .when().post("/api/v1/triage/fhir").then().statusCode(400)
                .contentType(containsString("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]",
                        equalTo("QuestionnaireResponse.item.where(linkId='vitals').item.where(linkId='heartRate')"))
                .body("issue[0].diagnostics", not(containsString("vitals.heartRate")));
    }

    @Test
    void shouldPointAtTheObservationOfAnImpossibleVitalSignInABundle() {
        given().contentType("application/fhir+json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + WEAKNESS + ","
                        + vital("8867-4", 900, "/min", Instant.now().minusSeconds(600)) + "]}")
                .when().post("/api/v1/triage/fhir").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.value"));
    }
}
