package dev.triageapi.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** With API keys configured, the API needs one; health and the OpenAPI document stay open. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyTest {

    /** Two keys configured, as a clinic rotating keys would. */
    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.security.api-keys", "first-key-0123456789,second-key-9876543210");
        }
    }

    static final String BODY = "{\"symptoms\":[{\"code\":\"fatigue\"}]}";

    @Test
    void shouldRefuseTriageWithoutAKey() {
        given().contentType(ContentType.JSON).body(BODY).when().post("/api/v1/triage")
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401))
                .body(not(containsString("first-key")));
        given().when().get("/api/v1/symptoms").then().statusCode(401);
        given().when().get("/api/v1/unknown").then().statusCode(401);
    }

    @Test
    void shouldRefuseAWrongKey() {
        given().header("X-API-Key", "first-key-012345678").contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/triage").then().statusCode(401);
        given().header("X-API-Key", "").when().get("/api/v1/symptoms").then().statusCode(401);
    }

    @Test
    void shouldAcceptEveryConfiguredKey() {
        given().header("X-API-Key", "first-key-0123456789").contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/triage").then().statusCode(200);
        given().header("X-API-Key", "second-key-9876543210").when().get("/api/v1/symptoms").then().statusCode(200);
    }

    @Test
    void shouldKeepHealthAndDocumentationOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void shouldCompareKeysByDigestForEveryKey() {
        ApiKeyFilter filter = new ApiKeyFilter(() -> java.util.Optional.of(java.util.List.of(" a-key ", "", "b-key")));
        org.junit.jupiter.api.Assertions.assertTrue(filter.isValid("a-key"));
        org.junit.jupiter.api.Assertions.assertTrue(filter.isValid("b-key"));
        org.junit.jupiter.api.Assertions.assertFalse(filter.isValid(""));
        org.junit.jupiter.api.Assertions.assertFalse(filter.isValid(null));
        org.junit.jupiter.api.Assertions.assertFalse(filter.isValid("a-key "));
    }
}
