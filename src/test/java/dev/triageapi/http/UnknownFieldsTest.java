package dev.triageapi.http;

import dev.triageapi.testing.CustomisedClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Under {@code triage.api.reject-unknown-fields}, a misspelt field is refused instead of read as "unknown". */
@QuarkusTest
@TestProfile(CustomisedClinic.class)
class UnknownFieldsTest {

    @Test
    void shouldRefuseAMisspeltModifier() {
        given().header("X-API-Key", CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"muscle_weakness\",\"onest\":\"sudden\"}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("symptoms[0].onest"))
                .body("errors[0].message", containsString("not a field"));
    }

    @Test
    void shouldApplyTheConfiguredSymptomLimit() {
        given().header("X-API-Key", CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON)
                .body("{\"symptoms\":[{\"code\":\"fatigue\"},{\"code\":\"fever\"},{\"code\":\"tremor\"},{\"code\":\"headache\"}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("at most 3 symptoms may be reported in one request"));
    }

    /** Each "yes" to a symptom question adds a symptom: the answers cannot take a case past the limit either. */
    @Test
    void shouldApplyTheSymptomLimitToWhatTheAnswersAdd() {
        String threeAnd = "{\"symptoms\":[{\"code\":\"fatigue\"},{\"code\":\"fever\"},{\"code\":\"tremor\"}],"
                + "\"answers\":[%s]}";
        given().header("X-API-Key", CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON)
                .body(threeAnd.formatted("{\"question\":\"symptom:headache\",\"answer\":\"yes\"}"))
                .when().post("/api/v1/triage")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("answers"))
                .body("errors[0].message", containsString("more than 3 symptoms"));
        given().header("X-API-Key", CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON)
                .body(threeAnd.formatted("{\"question\":\"modifier:fever.onset\",\"answer\":\"sudden\"}"))
                .when().post("/api/v1/triage")
                .then().statusCode(200);
    }
}
