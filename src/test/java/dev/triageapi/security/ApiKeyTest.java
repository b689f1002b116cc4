package dev.triageapi.security;

import dev.triageapi.testing.CustomisedClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With API keys configured, the API needs one; health, metrics, the OpenAPI document and the intake page stay open. */
@QuarkusTest
@TestProfile(CustomisedClinic.class)
class ApiKeyTest {

    static final String FIRST_KEY = CustomisedClinic.FIRST_KEY;
    static final String SECOND_KEY = CustomisedClinic.SECOND_KEY;
    static final String ORIGIN = CustomisedClinic.ORIGIN;
    static final String BODY = "{\"symptoms\":[{\"code\":\"fatigue\"}]}";

    @Test
    void shouldRefuseTriageWithoutAKey() {
        given().contentType(ContentType.JSON).body(BODY).when().post("/api/v1/triage")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .header("Cache-Control", "no-store")
                .body("status", equalTo(401))
                .body("detail", containsString("X-API-Key"))
                .body(not(containsString("first-key")));
        given().when().get("/api/v1/symptoms").then().statusCode(401);
        given().when().get("/cds-services").then().statusCode(401);
    }

    @Test
    void shouldRefuseAWrongKey() {
        given().header("X-API-Key", "first-key-012345678").contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/triage").then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", "").when().get("/api/v1/symptoms").then().statusCode(401);
        given().header("X-API-Key", "x" + FIRST_KEY).when().get("/api/v1/symptoms").then().statusCode(401);
    }

    @Test
    void shouldAcceptEveryConfiguredKey() {
        given().header("X-API-Key", FIRST_KEY).contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/triage").then().statusCode(200);
        given().header("X-API-Key", SECOND_KEY).when().get("/api/v1/symptoms").then().statusCode(200);
    }

    @Test
    void shouldKeepHealthMetricsDocumentationAndIntakePageOpen() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void shouldAnswerABrowserPreflightWithoutAKey() {
        given().header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .when().options("/api/v1/triage")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Allow-Headers", containsString("x-api-key"));
    }

    @Test
    void shouldNotAllowAnotherOrigin() {
        given().header("Origin", "https://elsewhere.example.com").header("X-API-Key", FIRST_KEY)
                .when().get("/api/v1/symptoms")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldCompareKeysByDigestForEveryKey() {
        ApiKeys keys = new ApiKeys((dev.triageapi.config.TriageConfig.Security) () -> Optional.of(List.of(" a-key ", "", "b-key")));
        assertTrue(keys.isValid("a-key"));
        assertTrue(keys.isValid("b-key"));
        assertFalse(keys.isValid(""));
        assertFalse(keys.isValid(null));
        assertFalse(keys.isValid("a-key "));
        assertFalse(keys.open());
        assertTrue(new ApiKeys((dev.triageapi.config.TriageConfig.Security) Optional::empty).open());
    }
}
