package dev.triageapi.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the service serves, and the examples it documents, pass the HAPI FHIR instance validator against base R4. */
@QuarkusTest
class FhirValidationTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static FhirValidator validator;

    @BeforeAll
    static void validator() {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR));
        validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    static void assertValid(String json) {
        ValidationResult result = validator.validateWithResult(json);
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldServeAValidQuestionnaire() {
        assertValid(given().get("/api/v1/fhir/Questionnaire/muscle-weakness-intake").then().statusCode(200).extract().asString());
    }

    /** The Spanish form has the English one's link ids and codes, Spanish texts, says its language, and validates. */
    @Test
    void shouldServeAValidSpanishQuestionnaireWithTheSameLinkIds() {
        String es = given().header("Accept-Language", "es").get("/api/v1/fhir/Questionnaire/muscle-weakness-intake")
                .then().statusCode(200).header("Content-Language", "es").extract().asString();
        String en = given().get("/api/v1/fhir/Questionnaire/muscle-weakness-intake").then().statusCode(200).extract().asString();
        assertValid(es);
        io.restassured.path.json.JsonPath spanish = io.restassured.path.json.JsonPath.from(es);
        io.restassured.path.json.JsonPath english = io.restassured.path.json.JsonPath.from(en);
        assertEquals("es", spanish.getString("language"));
        assertEquals(english.getList("item.linkId"), spanish.getList("item.linkId"));
        assertEquals(english.getList("item.item.linkId"), spanish.getList("item.item.linkId"));
        assertEquals(dev.triageapi.catalog.Catalog.load(dev.triageapi.vocabulary.Language.ES).symptom("saddle_numbness").orElseThrow().question(),
                spanish.getString("item.find { it.linkId == 'symptoms' }.item.find { it.linkId == 'saddle_numbness' }.text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"questionnaire-response", "observation-bundle"})
    void shouldDocumentValidExamplesAndAnswerThemWithAValidRiskAssessment(String example) {
        String input = example.equals("questionnaire-response") ? FhirExamples.QUESTIONNAIRE_RESPONSE : FhirExamples.OBSERVATION_BUNDLE;
        assertValid(input);
        assertValid(given().contentType("application/fhir+json").body(input).post("/api/v1/triage/fhir")
                .then().statusCode(200).extract().asString());
    }

    /** A Spanish RiskAssessment says so in {@code language}, carries Spanish words, and is as valid as the English. */
    @Test
    void shouldAnswerInSpanishWithAValidRiskAssessmentThatSaysItsLanguage() {
        String answer = given().contentType("application/fhir+json").header("Accept-Language", "es-US, es;q=0.9")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE).post("/api/v1/triage/fhir")
                .then().statusCode(200).header("Content-Language", "es").extract().asString();
        assertValid(answer);
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(answer);
        assertEquals("es", json.getString("language"));
        assertEquals("Urgencia: " + dev.triageapi.catalog.Catalog.load(dev.triageapi.vocabulary.Language.ES)
                .urgencyLevel(dev.triageapi.vocabulary.Urgency.EMERGENCY_AMBULANCE).label(), json.getString("prediction[0].outcome.text"));
        assertEquals("emergency_ambulance", json.getString("prediction[0].outcome.coding[0].code"), "codes never change");
    }

    @Test
    void shouldServeAValidCapabilityStatement() {
        assertValid(given().get("/api/v1/fhir/metadata").then().statusCode(200).extract().asString());
    }

    @Test
    void shouldAnswerErrorsWithValidOperationOutcomes() {
        assertValid(given().contentType("application/fhir+json").body("{\"resourceType\":\"Nonsense\"}")
                .post("/api/v1/triage/fhir").then().statusCode(400).extract().asString());
        assertValid(given().contentType("application/fhir+json")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE.replace("\"code\": \"sudden\"", "\"code\": \"slowly\""))
                .post("/api/v1/triage/fhir").then().statusCode(400).extract().asString());
        assertValid(given().contentType("text/plain").body("x")
                .post("/api/v1/triage/fhir").then().statusCode(415).extract().asString());
    }

    @Test
    void shouldAnswerARealisticNoisyRecordWithAValidRiskAssessment() {
        String answer = given().contentType("application/fhir+json").body(FhirToleranceTest.REALISTIC_RECORD)
                .post("/api/v1/triage/fhir").then().statusCode(200).extract().asString();
        assertValid(answer);
        io.restassured.path.json.JsonPath risk = io.restassured.path.json.JsonPath.from(answer);
        assertEquals("https://ehr.example.org/fhir/Patient/77", risk.getString("subject.reference"));
        assertEquals(List.of("https://ehr.example.org/fhir/Observation/1"), risk.getList("basis.reference"));
        // One prediction per condition, and a likelihood only on the urgency.
        List<Map<String, Object>> predictions = risk.getList("prediction");
        assertTrue(predictions.size() >= 2, answer);
        assertTrue(predictions.stream().skip(1).allMatch(p -> !p.containsKey("qualitativeRisk")
                && ((Map<?, ?>) p.get("outcome")).get("coding") instanceof List<?> c && c.size() == 1), answer);
        assertTrue(predictions.stream().skip(1).allMatch(p -> String.valueOf(p.get("rationale")).endsWith(".")), answer);
    }
}
