package dev.triageapi.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** CORS for a browser-based intake app, when a clinic turns it on. */
@QuarkusTest
@TestProfile(CorsTest.CorsEnabled.class)
class CorsTest {

    /** CORS on for one intake app origin. */
    public static class CorsEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", "https://intake.example.org");
        }
    }

    @Test
    void shouldAnswerAPreflightFromTheConfiguredOrigin() {
        given().header("Origin", "https://intake.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .when().options("/api/v1/triage")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://intake.example.org"));
    }

    @Test
    void shouldNotAllowAnotherOrigin() {
        given().header("Origin", "https://elsewhere.example.com")
                .when().get("/api/v1/symptoms")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
