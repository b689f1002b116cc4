package dev.triageapi.fhir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Laboratory results and known diagnoses through the FHIR door: LOINC-coded Observations and SNOMED-coded Conditions. */
@QuarkusTest
class FhirLabResultsTest {

    static String lab(String loinc, double value, String unit, Instant when) {
        return """
                {"resource":{"resourceType":"Observation","status":"final","effectiveDateTime":"%s",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}}"""
                .formatted(when, loinc, value, unit, unit);
    }

    static String condition(String snomed) {
        return """
                {"resource":{"resourceType":"Condition",
                 "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"%s"}]}}}""".formatted(snomed);
    }

    static ValidatableResponse triage(int status, String... entries) {
        return given().contentType("application/fhir+json").accept("application/json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + String.join(",", entries) + "]}")
                .when().post("/api/v1/triage/fhir").then().statusCode(status);
    }

    @Test
    void shouldSendASeverelyHighPotassiumFromTheLaboratoryToTheEmergencyDepartment() {
        triage(200, FhirVitalsTest.WEAKNESS, lab("2823-3", 6.9, "mmol/L", Instant.now().minus(Duration.ofHours(5))))
                .body("urgency", equalTo("emergency"))
                .body("redFlags.code", hasItem("severe_high_potassium"));
        // The same number in milliequivalents per litre.
        triage(200, FhirVitalsTest.WEAKNESS, lab("2823-3", 6.9, "meq/L", Instant.now()))
                .body("redFlags.code", hasItem("severe_high_potassium"));
    }

    @Test
    void shouldConvertAnAdjustedCalciumInMilligramsPerDecilitre() {
        // 14.4 mg/dL is 3.59 mmol/L: severe hypercalcaemia.
        triage(200, FhirVitalsTest.WEAKNESS, lab("29265-6", 14.4, "mg/dL", Instant.now()))
                .body("redFlags.code", hasItem("severe_high_calcium"));
    }

    @Test
    void shouldListAResultOlderThanThreeDaysOrInAnotherUnitAsNotUsed() {
        triage(200, FhirVitalsTest.WEAKNESS, lab("2951-2", 118, "mmol/L", Instant.now().minus(Duration.ofDays(5))),
                lab("2157-6", 80, "ukat/L", Instant.now()))
                .body("redFlags.code", not(hasItem("severe_low_sodium")))
                .body("unused.find { it.location == 'entry[1].resource' }.reason", containsString("more than 3 days"))
                .body("unused.find { it.location == 'entry[2].resource.value' }.reason", containsString("U/L"));
    }

    static String undated(String loinc, double value, String unit) {
        return """
                {"resource":{"resourceType":"Observation","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}}"""
                .formatted(loinc, value, unit, unit);
    }

    @Test
    void shouldNotLetAResultWithoutADateReplaceADatedOneInEitherOrder() {
        String dated = lab("2823-3", 6.9, "mmol/L", Instant.now().minus(Duration.ofHours(20)));
        String normal = undated("2823-3", 4.2, "mmol/L");
        triage(200, FhirVitalsTest.WEAKNESS, dated, normal).body("redFlags.code", hasItem("severe_high_potassium"))
                .body("unused.find { it.location == 'entry[2].resource' }.reason", containsString("without a date"));
        triage(200, FhirVitalsTest.WEAKNESS, normal, dated).body("redFlags.code", hasItem("severe_high_potassium"));
        // Alone, a result without a date is read.
        triage(200, FhirVitalsTest.WEAKNESS, undated("2823-3", 6.9, "mmol/L")).body("redFlags.code", hasItem("severe_high_potassium"));
    }

    @Test
    void shouldKeepTheResultFurtherFromNormalOfTwoTakenAtTheSameTimeInEitherOrder() {
        Instant when = Instant.now().minus(Duration.ofHours(2));
        String serum = lab("2823-3", 6.9, "mmol/L", when);
        String bloodGas = lab("6298-4", 4.1, "mmol/L", when);
        triage(200, FhirVitalsTest.WEAKNESS, serum, bloodGas).body("redFlags.code", hasItem("severe_high_potassium"));
        triage(200, FhirVitalsTest.WEAKNESS, bloodGas, serum).body("redFlags.code", hasItem("severe_high_potassium"));
    }

    @Test
    void shouldReadAResultBelowTheLaboratorysLimitAsBelowIt() {
        String belowLimit = lab("2823-3", 2.5, "mmol/L", Instant.now()).replace("\"value\":2.5", "\"comparator\":\"<\",\"value\":2.5");
        triage(200, FhirVitalsTest.WEAKNESS, belowLimit).body("redFlags.code", hasItem("severe_low_potassium"));
        // An exact 2.5 is not below 2.5.
        triage(200, FhirVitalsTest.WEAKNESS, lab("2823-3", 2.5, "mmol/L", Instant.now())).body("redFlags.code", not(hasItem("severe_low_potassium")));
    }

    /** A metabolic panel, as laboratories often send it: one Observation, each result a component with its own code. */
    @Test
    void shouldReadTheResultsOfALaboratoryPanelFromItsComponents() {
        String panel = """
                {"resource":{"resourceType":"Observation","status":"final","effectiveDateTime":"%s",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"24323-8","display":"Comprehensive metabolic 2000 panel - Serum or Plasma"}]},
                 "component":[
                  {"code":{"coding":[{"system":"http://loinc.org","code":"1920-8"}]},
                   "valueQuantity":{"value":14,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}},
                  {"code":{"coding":[{"system":"http://loinc.org","code":"2823-3","display":"Potassium [Moles/volume] in Serum or Plasma"}]},
                   "valueQuantity":{"value":7.1,"unit":"mmol/L","system":"http://unitsofmeasure.org","code":"mmol/L"},
                   "referenceRange":[{"low":{"value":3.5},"high":{"value":5.3}}]},
                  {"code":{"coding":[{"system":"http://loinc.org","code":"2951-2"}]},
                   "valueQuantity":{"value":121,"unit":"mmol/L","system":"http://unitsofmeasure.org","code":"mmol/L"}}]}}"""
                .formatted(Instant.now().minus(Duration.ofHours(4)));
        triage(200, FhirVitalsTest.WEAKNESS, panel)
                .body("redFlags.code", hasItem("severe_high_potassium"))
                .body("redFlags.code", hasItem("severe_low_sodium"))
                .body("redFlags.find { it.code == 'severe_high_potassium' }.evidence", hasItem("labs.potassium"));
    }

    @Test
    void shouldListATotalCalciumAsNotReadWithTheReason() {
        triage(200, FhirVitalsTest.WEAKNESS, lab("17861-6", 15.2, "mg/dL", Instant.now()))
                .body("redFlags.code", not(hasItem("severe_high_calcium")))
                .body("unused.find { it.location == 'entry[1].resource' }.reason", containsString("albumin-adjusted"));
    }

    @Test
    void shouldRefuseAnImpossibleResultWithAnOperationOutcomePointingAtTheObservation() {
        given().contentType("application/fhir+json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + FhirVitalsTest.WEAKNESS + ","
                        + lab("2823-3", 45, "mmol/L", Instant.now()) + "]}")
                .when().post("/api/v1/triage/fhir").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.value"));
    }

    @Test
    void shouldReadAKnownMyastheniaFromACondition() {
        String swallowing = """
                {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"75325-1"}]},
                 "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"40739000"}]}}}""";
        triage(200, swallowing, condition("91637004"))
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags.code", hasItem("possible_myasthenic_crisis"));
    }
}
