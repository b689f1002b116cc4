package dev.triageapi.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Every error case of the contract answers with a clear application/problem+json and never leaks internals. */
@QuarkusTest
class ErrorResponsesTest {

    static ValidatableResponse postJson(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/triage").then();
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("urn:problem-type:triage:"))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("dev.triageapi")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("\tat ")));
    }

    @AfterEach
    void nextValidRequestStillAnswers() {
        postJson("{\"symptoms\": [{\"code\": \"dizziness\", \"onset\": \"sudden\"}]}")
                .statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown symptom code      | {"symptoms":[{"code":"weak_arm"}]}                                    | symptoms[0].code           | unknown symptom code 'weak_arm'
            unknown risk factor       | {"symptoms":[{"code":"fatigue"}],"riskFactors":["smoking"]}          | riskFactors[0]             | unknown risk factor code 'smoking'
            duplicate symptom         | {"symptoms":[{"code":"fatigue"},{"code":"fatigue"}]}                 | symptoms[1].code           | already reported at symptoms[0]
            duplicate risk factor     | {"symptoms":[{"code":"fatigue"}],"riskFactors":["tick_bite","tick_bite"]} | riskFactors[1]        | more than once
            empty symptoms            | {"symptoms":[]}                                                       | symptoms                   | must not be empty
            missing symptoms          | {"age": 40}                                                           | symptoms                   | must not be empty
            null symptom              | {"symptoms":[null]}                                                   | symptoms[0]                | must not be null
            JSON null                 | null                                                                  | body                       | must not be null
            blank code                | {"symptoms":[{"code":""}]}                                            | symptoms[0].code           | must not be blank
            age above range           | {"age":121,"symptoms":[{"code":"fatigue"}]}                          | age                        | less than or equal to 120
            negative age              | {"age":-1,"symptoms":[{"code":"fatigue"}]}                           | age                        | greater than or equal to 0
            negative hours            | {"symptoms":[{"code":"fatigue","hoursSinceOnset":-2}]}               | symptoms[0].hoursSinceOnset | greater than or equal to 0
            age as string             | {"age":"71","symptoms":[{"code":"fatigue"}]}                         | age                        | must be a whole number
            fractional age            | {"age":71.5,"symptoms":[{"code":"fatigue"}]}                         | age                        | must be a whole number
            huge number               | {"age":1e999,"symptoms":[{"code":"fatigue"}]}                        | age                        | must be a whole number
            unknown enum value        | {"symptoms":[{"code":"fatigue","onset":"slowly"}]}                   | symptoms[0].onset          | must be one of: sudden, gradual
            upper-case enum           | {"symptoms":[{"code":"fatigue","severity":"SEVERE"}]}                | symptoms[0].severity       | must be one of: mild, moderate, severe
            unknown location          | {"symptoms":[{"code":"muscle_weakness","locations":["knee"]}]}       | symptoms[0].locations[0]   | must be one of
            boolean as string         | {"symptoms":[{"code":"fatigue","worsening":"yes"}]}                  | symptoms[0].worsening      | must be true or false
            symptoms as object        | {"symptoms":{"code":"fatigue"}}                                       | symptoms                   | must be an array
            all symptoms absent       | {"symptoms":[{"code":"fatigue","status":"absent"}]}                  | symptoms                   | at least one symptom must be present or unknown
            """)
    void shouldExplainEachInvalidField(String name, String body, String field, String message) {
        assertProblem(postJson(body), 400)
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    @Test
    void shouldRefuseMoreThanFiftySymptoms() {
        StringBuilder body = new StringBuilder("{\"symptoms\":[");
        for (int i = 0; i < 51; i++) {
            body.append(i == 0 ? "" : ",").append("{\"code\":\"fatigue\"}");
        }
        assertProblem(postJson(body.append("]}").toString()), 400).body("errors.field", hasItem("symptoms"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated       | {"symptoms": [
            not json        | hello
            duplicate keys  | {"age": 30, "age": 31, "symptoms":[{"code":"fatigue"}]}
            single quotes   | {'symptoms': []}
            """)
    void shouldReportMalformedJson(String name, String body) {
        assertProblem(postJson(body), 400).body("type", equalTo("urn:problem-type:triage:malformed-json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            array   | []
            string  | "triage me"
            number  | 42
            two objects | {"symptoms":[{"code":"fatigue"}]} {}
            """)
    void shouldReportABodyThatIsNotASingleObject(String name, String body) {
        assertProblem(postJson(body), 400).body("type", equalTo("urn:problem-type:triage:malformed-body"));
    }

    @Test
    void shouldRefuseAnEmptyBody() {
        assertProblem(given().contentType(ContentType.JSON).when().post("/api/v1/triage").then(), 400)
                .body("errors[0].field", equalTo("body")).body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void shouldNeverEchoMarkupFromAnUnknownCode() {
        assertProblem(postJson("{\"symptoms\":[{\"code\":\"<script>alert(1)</script>\"}]}"), 400)
                .body(not(containsString("<script>")))
                .body("errors[0].message", equalTo("unknown symptom code; see GET /api/v1/symptoms"));
    }

    @Test
    void shouldRefuseDeeplyNestedJson() {
        String deep = "{\"symptoms\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertProblem(postJson(deep), 400);
    }

    @Test
    void shouldAnswer415ForAWrongContentType() {
        assertProblem(given().contentType(ContentType.TEXT).body("{\"symptoms\":[{\"code\":\"fatigue\"}]}")
                .when().post("/api/v1/triage").then(), 415);
    }

    @Test
    void shouldAnswer413ForAnOversizedBody() {
        String big = "{\"symptoms\":[{\"code\":\"" + "a".repeat(70_000) + "\"}]}";
        assertProblem(postJson(big), 413).body("detail", allOf(containsString("larger than"), not(containsString("aaaa"))));
    }

    @Test
    void shouldAnswer405ForAWrongMethod() {
        assertProblem(given().when().get("/api/v1/triage").then(), 405);
        assertProblem(given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/triage").then(), 405);
    }

    @Test
    void shouldAnswer404ForAnUnknownPath() {
        assertProblem(given().when().get("/api/v1/nothing-here").then(), 404);
    }
}
