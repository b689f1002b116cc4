package dev.triageapi.triage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Prefer: return=minimal} (RFC 7240) leaves the trace out, says so, and changes nothing else in the answer. */
@QuarkusTest
class PreferMinimalTest {

    static Response post(String prefer) {
        var request = given().contentType(ContentType.JSON).body(Examples.STROKE_REQUEST);
        if (prefer != null) {
            request = request.header("Prefer", prefer);
        }
        return request.when().post("/api/v1/triage").then().statusCode(200).extract().response();
    }

    @ParameterizedTest(name = "Prefer: {0}")
    @ValueSource(strings = {"return=minimal", "RETURN=Minimal", "return=\"minimal\"", "respond-async, return=minimal; foo=bar",
            "wait=10,return=minimal"})
    void shouldLeaveTheTraceOutAndSaySoWhenAskedForAMinimalReturn(String prefer) {
        Response full = post(null);
        Response minimal = post(prefer);
        assertEquals("return=minimal", minimal.header("Preference-Applied"));
        assertTrue(minimal.header("Vary").contains("Prefer"));
        assertFalse(minimal.jsonPath().getMap("").containsKey("trace"), "no trace key at all");
        Map<String, Object> rest = full.jsonPath().getMap("");
        rest.remove("trace");
        assertEquals(rest, minimal.jsonPath().getMap(""), "everything else as in the full answer");
    }

    @ParameterizedTest(name = "Prefer: {0}")
    @ValueSource(strings = {"return=representation", "return", "minimal", "return=minimalist", "=,;;\"", "handling=lenient"})
    void shouldGiveTheFullAnswerForAnyOtherPreference(String prefer) {
        Response answer = post(prefer);
        assertNull(answer.header("Preference-Applied"));
        assertFalse(new JsonPath(answer.asString()).getList("trace").isEmpty());
    }

    @Test
    void shouldGiveTheFullAnswerByDefault() {
        Response answer = post(null);
        assertNull(answer.header("Preference-Applied"));
        assertFalse(answer.jsonPath().getList("trace").isEmpty());
    }
}
