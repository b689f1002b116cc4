package dev.triageapi.triage.api;

import dev.triageapi.testing.CustomisedClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The emergency number is configuration: a European clinic sets 112 and no answer mentions 911 (but for the rules
 * version, a hash that may hold those digits by chance).
 */
@QuarkusTest
@TestProfile(CustomisedClinic.class)
class EmergencyNumberTest {

    @Test
    void shouldNameTheConfiguredNumberInAdviceAndDisclaimer() {
        given().header("X-API-Key", CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"paralysis\",\"onset\":\"sudden\"}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("advice", containsString("Call 112"))
                .body("disclaimer", containsString("call 112"))
                // The words checked hold the advice (so the check can fail), and not the rules version.
                .body("findAll { it.key != 'rulesVersion' }.toString()", containsString("Call 112"))
                .body("findAll { it.key != 'rulesVersion' }.toString()", not(containsString("sha256:")))
                .body("findAll { it.key != 'rulesVersion' }.toString()", not(containsString("911")));
    }
}
