package dev.triageapi.triage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The emergency number is configuration: a European clinic sets 112 and no answer mentions 911. */
@QuarkusTest
@TestProfile(EmergencyNumberTest.European.class)
class EmergencyNumberTest {

    /** A clinic in the EU. */
    public static class European implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.emergency-number", "112");
        }
    }

    @Test
    void shouldNameTheConfiguredNumberInAdviceAndDisclaimer() {
        given().contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"paralysis\",\"onset\":\"sudden\"}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("advice", containsString("Call 112"))
                .body("disclaimer", containsString("call 112"))
                .body(not(containsString("911")));
    }
}
