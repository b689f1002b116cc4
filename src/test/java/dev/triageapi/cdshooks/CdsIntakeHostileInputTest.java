package dev.triageapi.cdshooks;

import dev.triageapi.fhir.FhirExamples;
import dev.triageapi.testing.Hostile;
import dev.triageapi.testing.HostileCorpus;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.triageapi.cdshooks.CdsHostileInputTest.INSTANCE;
import static dev.triageapi.cdshooks.CdsHostileInputTest.questionnaireCall;
import static dev.triageapi.testing.Hostile.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;

/** The hostile corpus of the questionnaire-inprogress service: malformed calls and hostile QuestionnaireResponses. */
@QuarkusTest
class CdsIntakeHostileInputTest extends HostileCorpus {

    static final String PATH = "/cds-services/muscle-weakness-intake-triage";

    static Stream<Arguments> bodies() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("empty object", utf8("{}")));
        cases.add(Arguments.of("an encounter-start call", utf8(CdsExamples.ENCOUNTER_START)));
        cases.add(Arguments.of("no context", utf8("{\"hook\":\"questionnaire-inprogress\"," + INSTANCE + "}")));
        cases.add(Arguments.of("context without a response", utf8("{\"hook\":\"questionnaire-inprogress\"," + INSTANCE + ",\"context\":{}}")));
        cases.add(Arguments.of("response null", utf8(questionnaireCall("null"))));
        cases.add(Arguments.of("response as a string", utf8(questionnaireCall("\"done\""))));
        cases.add(Arguments.of("response as an array", utf8(questionnaireCall("[]"))));
        cases.add(Arguments.of("response is a Patient", utf8(questionnaireCall("{\"resourceType\":\"Patient\"}"))));
        cases.add(Arguments.of("response with a decimal 1e999999", utf8(questionnaireCall(
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"age\",\"answer\":[{\"valueDecimal\":1e999999}]}]}"))));
        cases.add(Arguments.of("response with age as a string", utf8(questionnaireCall(
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"age\",\"answer\":[{\"valueInteger\":\"71\"}]}]}"))));
        cases.add(Arguments.of("response with an age of 10^18 years", utf8(questionnaireCall(
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"age\",\"answer\":[{\"valueDecimal\":1e18}]}]}"))));
        cases.add(Arguments.of("response with an age in kilograms", utf8(questionnaireCall(
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"age\",\"answer\":[{\"valueQuantity\":{\"value\":70,\"code\":\"kg\"}}]}]}"))));
        cases.add(Arguments.of("response entered in error", utf8(questionnaireCall(
                FhirExamples.QUESTIONNAIRE_RESPONSE.replace("\"completed\"", "\"entered-in-error\"")))));
        cases.add(Arguments.of("response to another questionnaire", utf8(questionnaireCall(
                FhirExamples.QUESTIONNAIRE_RESPONSE.replace("Questionnaire/muscle-weakness-intake", "Questionnaire/phq-9")))));
        cases.add(Arguments.of("response nested 3000 deep", utf8(questionnaireCall(Hostile.nested("item", 3000)))));
        cases.add(Arguments.of("response with a yes coded in another system", utf8(questionnaireCall(
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"symptoms\",\"item\":[{\"linkId\":\"numbness\","
                        + "\"answer\":[{\"valueCoding\":{\"system\":\"http://example.org\",\"code\":\"LA33-6\"}}]}]}]}"))));
        cases.add(Arguments.of("not JSON", utf8("hook=questionnaire-inprogress")));
        return cases.stream();
    }

    @Override
    protected String path() {
        return PATH;
    }

    @Override
    protected String contentType() {
        return "application/json";
    }

    @Override
    protected void assertStillAnswers() {
        given().contentType("application/json").body(CdsExamples.QUESTIONNAIRE_INPROGRESS).when().post(PATH)
                .then().statusCode(200).body("cards", hasSize(1));
    }
}
