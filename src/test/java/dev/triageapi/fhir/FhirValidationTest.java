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

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @ParameterizedTest
    @ValueSource(strings = {"questionnaire-response", "observation-bundle"})
    void shouldDocumentValidExamplesAndAnswerThemWithAValidRiskAssessment(String example) {
        String input = example.equals("questionnaire-response") ? FhirExamples.QUESTIONNAIRE_RESPONSE : FhirExamples.OBSERVATION_BUNDLE;
        assertValid(input);
        assertValid(given().contentType("application/fhir+json").body(input).post("/api/v1/triage/fhir")
                .then().statusCode(200).extract().asString());
    }
}
