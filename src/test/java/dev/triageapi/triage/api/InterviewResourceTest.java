package dev.triageapi.triage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The interview over HTTP: questions with their answer options, answers posted back, and the 400s an answer can get. */
@QuarkusTest
class InterviewResourceTest {

    private static final String WEAK_LEGS = """
            {"age": 45, "sex": "male", "symptoms": [{"code": "muscle_weakness", "locations": ["leg"]}]%s}""";

    private static ValidatableResponse post(String answers) {
        return given().contentType(ContentType.JSON).body(WEAK_LEGS.formatted(answers))
                .when().post("/api/v1/triage").then();
    }

    @Test
    void shouldFirstAskHowWeakLegsBeganThenTheRedFlagsTheyDidNotMention() {
        post("").statusCode(200)
                .body("interview.complete", equalTo(false))
                .body("interview.next.id", equalTo("modifier:muscle_weakness.onset"))
                .body("interview.next.couldRaiseTo", equalTo("emergency_ambulance"))
                .body("interview.next.answerType", equalTo("choice"))
                .body("interview.next.options.answer", equalTo(List.of("sudden", "gradual", "unknown")));
        post(", \"answers\": [{\"question\": \"modifier:muscle_weakness.onset\", \"answer\": \"gradual\"},"
                + " {\"question\": \"modifier:muscle_weakness.spread\", \"answer\": \"none\"},"
                + " {\"question\": \"modifier:muscle_weakness.side\", \"answer\": \"both\"}]").statusCode(200)
                .body("interview.questions.id", hasItem("symptom:difficulty_breathing"))
                .body("interview.questions.find { it.id == 'symptom:difficulty_breathing' }.options.answer",
                        equalTo(List.of("yes", "no", "unknown")))
                .body("interview.next.options.label", hasItem("I don't know"))
                .body("interview.questions.options", everyItem(hasItem(Map.of("answer", "unknown", "label", "I don't know"))))
                .body("disclaimer", notNullValue());
    }

    /** A blind probe's patient hedged; the answer was a consultation, complete, with no question asked. */
    @Test
    void shouldAskWhetherAHedgedWeakArmIsThereThenCallTheAmbulanceWhenItBeganSuddenly() {
        String words = "{\"text\": \"my right arm feels kinda heavy n weak, weird\"%s}";
        given().contentType(ContentType.JSON).body(words.formatted("")).when().post("/api/v1/triage").then().statusCode(200)
                .body("interview.complete", equalTo(false))
                .body("interview.next.id", equalTo("symptom:muscle_weakness"))
                .body("interview.next.couldRaiseTo", equalTo("emergency_ambulance"));
        given().contentType(ContentType.JSON).body(words.formatted(", \"answers\": ["
                        + "{\"question\": \"symptom:muscle_weakness\", \"answer\": \"yes\"},"
                        + "{\"question\": \"modifier:muscle_weakness.onset\", \"answer\": \"sudden\"}]"))
                .when().post("/api/v1/triage").then().statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"));
    }

    @Test
    void shouldCallAnAmbulanceWhenTheAnswerIsTroubleBreathing() {
        post(", \"answers\": [{\"question\": \"symptom:difficulty_breathing\", \"answer\": \"yes\"}]").statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags.code", hasItem("weakness_with_breathing_trouble"));
    }

    @Test
    void shouldNotAskAgainWhatThePatientDoesNotKnow() {
        String first = post("").extract().path("interview.next.id");
        post(", \"answers\": [{\"question\": \"" + first + "\", \"answer\": \"unknown\"}]").statusCode(200)
                .body("interview.questions.id", not(hasItem(first)))
                .body("urgency", equalTo(post("").extract().path("urgency")));
        assertNotEquals(first, post(", \"answers\": [{\"question\": \"" + first + "\", \"answer\": \"unknown\"}]")
                .extract().path("interview.next.id"));
    }

    @Test
    void shouldNameARedFlagThePatientCouldNotRuleOut() {
        post(", \"answers\": [{\"question\": \"modifier:muscle_weakness.onset\", \"answer\": \"gradual\"},"
                + " {\"question\": \"symptom:saddle_numbness\", \"answer\": \"unknown\"}]").statusCode(200)
                .body("interview.questions.id", not(hasItem("symptom:saddle_numbness")))
                .body("interview.unresolved.id", hasItem("symptom:saddle_numbness"))
                .body("interview.unresolved.find { it.id == 'symptom:saddle_numbness' }.couldRaiseTo", equalTo("emergency"));
        post(", \"answers\": [{\"question\": \"modifier:muscle_weakness.onset\", \"answer\": \"gradual\"},"
                + " {\"question\": \"symptom:saddle_numbness\", \"answer\": \"no\"}]").statusCode(200)
                .body("interview.unresolved.id", not(hasItem("symptom:saddle_numbness")));
    }

    @Test
    void shouldEndTheInterviewWhenNothingLeftCouldChangeTheLevel() {
        given().contentType(ContentType.JSON).body(Examples.STROKE_REQUEST).when().post("/api/v1/triage").then().statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("interview.complete", equalTo(true))
                .body("interview.next", nullValue())
                .body("interview.questions", equalTo(List.of()))
                .body("interview.unresolved", equalTo(List.of()));
    }

    @Test
    void shouldAnswerTheOpenApiInterviewExampleAsItShows() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode shown = json.readTree(Examples.INTERVIEW_RESPONSE);
        String live = given().contentType(ContentType.JSON).header("Prefer", "return=minimal").body(Examples.INTERVIEW_REQUEST)
                .when().post("/api/v1/triage").then().statusCode(200).extract().asString();
        ObjectNode answer = (ObjectNode) json.readTree(live);
        answer.set("rulesVersion", shown.get("rulesVersion"));
        assertEquals(shown, answer, "the OpenAPI example is the service's own answer");
    }

    @Test
    void shouldRefuseAnAnswerToAQuestionThatDoesNotExist() {
        post(", \"answers\": [{\"question\": \"symptom:weak_legs\", \"answer\": \"yes\"}]").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("answers[0].question"));
    }

    @Test
    void shouldRefuseAnAnswerTheQuestionDoesNotOffer() {
        post(", \"answers\": [{\"question\": \"modifier:muscle_weakness.onset\", \"answer\": \"slowly\"}]").statusCode(400)
                .body("errors[0].field", equalTo("answers[0].answer"))
                .body("errors[0].message", equalTo("takes one of sudden, gradual, unknown"));
    }

    @Test
    void shouldRefuseAnAnswerThatContradictsTheRequest() {
        post(", \"answers\": [{\"question\": \"modifier:muscle_weakness.locations\", \"answer\": \"arm\"},"
                + " {\"question\": \"symptom:muscle_weakness\", \"answer\": \"no\"}]").statusCode(400)
                .body("errors[0].field", equalTo("answers[1].answer"));
    }

    @Test
    void shouldRefuseAModifierOfASymptomThatIsNotReportedAsAFaultOfTheQuestion() {
        post(", \"answers\": [{\"question\": \"modifier:headache.onset\", \"answer\": \"sudden\"}]").statusCode(400)
                .body("errors[0].field", equalTo("answers[0].question"));
    }

    @Test
    void shouldTakeADurationRangeThatAgreesWithTheHoursGiven() {
        given().contentType(ContentType.JSON).body("""
                {"age": 45, "symptoms": [{"code": "muscle_weakness", "hoursSinceOnset": 2}],
                 "answers": [{"question": "modifier:muscle_weakness.hoursSinceOnset", "answer": "within_1_day"}]}""")
                .when().post("/api/v1/triage").then().statusCode(200);
        given().contentType(ContentType.JSON).body("""
                {"age": 45, "symptoms": [{"code": "muscle_weakness", "hoursSinceOnset": 2}],
                 "answers": [{"question": "modifier:muscle_weakness.hoursSinceOnset", "answer": "1_to_3_days"}]}""")
                .when().post("/api/v1/triage").then().statusCode(400).body("errors[0].field", equalTo("answers[0].answer"));
    }

    @Test
    void shouldRefuseAnswersThatWouldTakeTheCasePastTheSymptomLimit() {
        StringBuilder symptoms = new StringBuilder();
        List<String> codes = given().when().get("/api/v1/symptoms").then().extract().path("code");
        for (String code : codes.subList(0, 50)) {
            symptoms.append(symptoms.length() == 0 ? "" : ",").append("{\"code\": \"").append(code).append("\"}");
        }
        String extra = codes.get(50);
        given().contentType(ContentType.JSON).body("{\"age\": 40, \"symptoms\": [" + symptoms + "], \"answers\": "
                        + "[{\"question\": \"symptom:" + extra + "\", \"answer\": \"yes\"}]}")
                .when().post("/api/v1/triage").then().statusCode(400).body("errors[0].field", equalTo("answers"));
    }

    @Test
    void shouldRefuseMalformedAnswersWithA400() {
        for (String answers : List.of(", \"answers\": [null]", ", \"answers\": [{\"question\": \"\", \"answer\": \"yes\"}]",
                ", \"answers\": [{\"question\": \"age\", \"answer\": \"121\"}]", ", \"answers\": [{\"question\": 7, \"answer\": []}]",
                ", \"answers\": {\"question\": \"age\"}", ", \"answers\": [{\"question\": \"" + "x".repeat(101) + "\", \"answer\": \"no\"}]",
                ", \"answers\": [" + "{\"question\": \"age\", \"answer\": \"45\"},".repeat(200) + "{\"question\": \"age\", \"answer\": \"45\"}]")) {
            post(answers).statusCode(400).contentType("application/problem+json");
        }
    }
}
