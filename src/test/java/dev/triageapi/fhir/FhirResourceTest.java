package dev.triageapi.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FHIR R4 intake over HTTP: the Questionnaire, and triage of a QuestionnaireResponse or an Observation Bundle. */
@QuarkusTest
class FhirResourceTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void shouldServeTheIntakeQuestionnaireGeneratedFromTheCatalog() {
        String json = given().when().get("/api/v1/fhir/Questionnaire/muscle-weakness-intake")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        Questionnaire q = FHIR.newJsonParser().parseResource(Questionnaire.class, json);
        Questionnaire.QuestionnaireItemComponent symptoms = q.getItem().stream()
                .filter(i -> i.getLinkId().equals("symptoms")).findFirst().orElseThrow();
        assertEquals(dev.triageapi.catalog.Catalog.bundled().symptoms().size(), symptoms.getItem().size());
        Questionnaire.QuestionnaireItemComponent weakness = symptoms.getItem().get(0);
        assertEquals("muscle_weakness", weakness.getLinkId());
        assertTrue(weakness.getCode().stream().anyMatch(c -> c.getSystem().equals(FhirCodes.SNOMED) && c.getCode().equals("26544005")));
        assertTrue(weakness.getItem().stream().anyMatch(i -> i.getLinkId().equals("muscle_weakness.onset") && i.hasEnableWhen()));
        assertTrue(symptoms.getItem().stream().filter(i -> i.getLinkId().equals("twitching")).findFirst().orElseThrow()
                .getCode().stream().noneMatch(c -> c.getSystem().equals(FhirCodes.SNOMED)), "no guessed SNOMED code");
    }

    @Test
    void shouldAnswerAQuestionnaireResponseWithARiskAssessment() {
        String json = given().contentType("application/fhir+json").body(FhirExamples.QUESTIONNAIRE_RESPONSE)
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        RiskAssessment risk = FHIR.newJsonParser().parseResource(RiskAssessment.class, json);
        assertEquals(RiskAssessment.RiskAssessmentStatus.FINAL, risk.getStatus());
        assertEquals("emergency_ambulance", risk.getPredictionFirstRep().getOutcome().getCodingFirstRep().getCode());
        assertEquals("high", risk.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode());
        assertTrue(risk.getPrediction().stream().anyMatch(p -> p.getOutcome().getCoding().stream().anyMatch(c -> c.getCode().equals("stroke"))));
        assertTrue(risk.getMitigation().contains("Call 911"));
        assertTrue(risk.getNote().stream().anyMatch(n -> n.getText().contains("not medical advice")));
    }

    @Test
    void shouldAnswerWithThePlainTriageJsonOnRequest() {
        given().contentType("application/fhir+json").accept(ContentType.JSON).body(FhirExamples.QUESTIONNAIRE_RESPONSE)
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags.code", hasItem("stroke_sudden_one_sided_weakness"));
    }

    @Test
    void shouldTriageABundleOfSymptomObservationsCodedWithSnomed() {
        given().contentType("application/fhir+json").accept(ContentType.JSON).body(FhirExamples.observationBundleRecordedAt(java.time.Instant.now()))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags[0].evidence", hasItem("numbness"))
                .body("trace.matched.flatten()", org.hamcrest.Matchers.not(hasItem("headache")));
    }

    @Test
    void shouldRefuseWhatIsNotUsableFhir() {
        given().contentType("application/fhir+json").body("{\"resourceType\":\"Nonsense\"}")
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).contentType("application/fhir+json")
                .body("issue[0].diagnostics", startsWith("body "));
        given().contentType("application/fhir+json").body("{\"resourceType\":\"Patient\",\"gender\":\"female\"}")
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).body("issue[0].diagnostics", containsString("QuestionnaireResponse"));
        given().contentType("application/fhir+json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Encounter\","
                        + "\"status\":\"finished\",\"class\":{\"code\":\"AMB\"}}}]}")
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).body("issue[0].diagnostics", containsString("holds no symptom the triage can read"));
        given().contentType("application/fhir+json")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE.replace("\"code\": \"sudden\"", "\"code\": \"slowly\""))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).body("issue[0].diagnostics", containsString("sudden, gradual"));
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/v1/triage/fhir").then().statusCode(415);
    }
}
