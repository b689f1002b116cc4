package dev.triageapi.fhir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/** A FHIR client reads errors as OperationOutcome: every refusal of the FHIR endpoints is one, in FHIR's media type. */
@QuarkusTest
class FhirErrorsTest {

    @Test
    void shouldAnswerInvalidFhirWithAnOperationOutcome() {
        given().contentType("application/fhir+json").body("{\"resourceType\":\"Nonsense\"}")
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.severity", everyItem(equalTo("error")))
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].diagnostics", containsString("not a valid FHIR R4 JSON resource"));
    }

    @Test
    void shouldPointAtTheFieldWithAFhirPathExpression() {
        String quantity = "{\"value\":90,\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}";
        given().contentType("application/fhir+json").body(FhirIntakeSafetyTest.bundle(quantity))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400).contentType("application/fhir+json")
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.hoursSinceOnset"))
                .body("issue[0].diagnostics", containsString("UCUM unit"));
        given().contentType("application/fhir+json")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE.replace("\"code\": \"sudden\"", "\"code\": \"slowly\""))
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(400)
                .body("issue.expression.flatten()", hasItem(containsString("QuestionnaireResponse.item.where(linkId='symptoms')")));
    }

    @Test
    void shouldNameFhirMediaTypesWhenTheBodyOrAcceptIsWrong() {
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/v1/triage/fhir")
                .then().statusCode(415).contentType("application/fhir+json")
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("application/fhir+json"));
        given().contentType("application/fhir+json").accept("application/xml").body(FhirExamples.QUESTIONNAIRE_RESPONSE)
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(406).body("issue[0].diagnostics", containsString("application/fhir+json"));
    }

    @Test
    void shouldRefuseAnotherFhirVersionThanR4NamingTheOneSpokenHere() {
        given().contentType("application/fhir+json;fhirVersion=3.0").body(FhirExamples.QUESTIONNAIRE_RESPONSE)
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(415).contentType("application/fhir+json")
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("fhirVersion=4.0"));
        given().contentType("application/fhir+json").accept("application/fhir+json; fhirVersion=5.0")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE)
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(406).contentType("application/fhir+json")
                .body("issue[0].diagnostics", containsString("fhirVersion=4.0"));
        given().accept("application/fhir+json;fhirVersion=3.0").when().get("/api/v1/fhir/Questionnaire/" + FhirCodes.QUESTIONNAIRE_ID)
                .then().statusCode(406);
        given().contentType("application/fhir+json; fhirVersion=4.0").accept("application/fhir+json;fhirVersion=4.0")
                .body(FhirExamples.QUESTIONNAIRE_RESPONSE)
                .when().post("/api/v1/triage/fhir")
                .then().statusCode(200).body("resourceType", equalTo("RiskAssessment"));
    }

    @Test
    void shouldKeepProblemDetailsOnTheJsonApi() {
        given().contentType(ContentType.JSON).body("{\"symptoms\":[]}").when().post("/api/v1/triage")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
