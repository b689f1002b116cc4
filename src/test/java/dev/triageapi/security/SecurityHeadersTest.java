package dev.triageapi.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** Security headers on every answer; no CORS unless configured. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void shouldSendNoSniffAndNoStoreOnTriageAnswers() {
        given().contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"fatigue\"}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void shouldSendNoSniffOnErrorsAndKeepACallersUuidRequestId() {
        String id = "3f2b8c1e-9d4a-4f6b-8e2a-1c7d5e9f0a3b";
        given().header("X-Request-Id", id).contentType(ContentType.JSON).body("{")
                .when().post("/api/v1/triage")
                .then().statusCode(400)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Request-Id", id);
    }

    @Test
    void shouldReplaceARequestIdThatCouldCarryWords() {
        for (String sent : new String[] {"INJ_RID_difficulty_speaking_age_87", "intake-app-42-abcdef",
                "3f2b8c1e-9d4a-4f6b-8e2a-1c7d5e9f0a3b forged", "3f2b8c1e-9d4a-4f6b-8e2a-1c7d5e9f0a3bX"}) {
            given().header("X-Request-Id", sent).when().get("/api/v1/symptoms")
                    .then().statusCode(200)
                    .header("X-Request-Id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        }
    }

    @Test
    void shouldSendNoStoreOnEveryApiAnswerIncludingCdsHooksAndErrors() {
        given().when().get("/cds-services").then().statusCode(200).header("Cache-Control", "no-store");
        given().when().get("/api/v1/symptoms").then().statusCode(200).header("Cache-Control", "no-store");
        given().contentType(ContentType.JSON).body("{}").when().post("/cds-services/muscle-weakness-triage")
                .then().statusCode(400).header("Cache-Control", "no-store");
    }

    @Test
    void shouldNotAllowCrossOriginCallsUnlessConfigured() {
        given().header("Origin", "https://intake.example.org")
                .when().get("/api/v1/symptoms")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
