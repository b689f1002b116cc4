package dev.triageapi.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
    void shouldSendNoSniffOnErrorsAndKeepAValidCallersRequestId() {
        given().header("X-Request-Id", "intake-app-42-abcdef").contentType(ContentType.JSON).body("{")
                .when().post("/api/v1/triage")
                .then().statusCode(400)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Request-Id", "intake-app-42-abcdef");
    }

    @Test
    void shouldNotAllowCrossOriginCallsUnlessConfigured() {
        given().header("Origin", "https://intake.example.org")
                .when().get("/api/v1/symptoms")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
