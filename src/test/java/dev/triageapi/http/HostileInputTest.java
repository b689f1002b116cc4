package dev.triageapi.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an intake app's users may send, on purpose or not. Each body must get a 4xx application/problem+json with a
 * useful detail, no stack trace or class name, no unescaped echo of the input, and leave the service answering.
 */
@QuarkusTest
class HostileInputTest {

    static final String MARKUP = "<img src=x onerror=alert(1)>";
    static final String JSON = "application/json";

    record Hostile(String method, String contentType, byte[] body) {
        static Hostile post(String body) {
            return new Hostile("POST", JSON, body.getBytes(StandardCharsets.UTF_8));
        }

        static Hostile post(byte[] body) {
            return new Hostile("POST", JSON, body);
        }
    }

    static String symptom(String fields) {
        return "{\"symptoms\":[{\"code\":\"muscle_weakness\"," + fields + "}]}";
    }

    static byte[] withBytes(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    static Stream<Arguments> hostileBodies() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("unterminated object", Hostile.post("{")));
        cases.add(Arguments.of("invalid UTF-8 in a string", Hostile.post(withBytes("{\"symptoms\":[{\"code\":\"", new byte[]{(byte) 0xC3, 0x28}, "\"}]}"))));
        cases.add(Arguments.of("lone UTF-8 continuation byte", Hostile.post(withBytes("{\"symptoms\":", new byte[]{(byte) 0x80}, "[]}"))));
        cases.add(Arguments.of("age as boolean", Hostile.post("{\"age\":true,\"symptoms\":[{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("age as array", Hostile.post("{\"age\":[],\"symptoms\":[{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("age as object", Hostile.post("{\"age\":{},\"symptoms\":[{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("age beyond long", Hostile.post("{\"age\":99999999999999999999999,\"symptoms\":[{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("age 1e999", Hostile.post("{\"age\":1e999,\"symptoms\":[{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("sex as number", Hostile.post("{\"sex\":1,\"symptoms\":[{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("sex with markup", Hostile.post("{\"sex\":\"" + MARKUP + "\",\"symptoms\":[{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("symptoms as string", Hostile.post("{\"symptoms\":\"fatigue\"}")));
        cases.add(Arguments.of("symptoms as number", Hostile.post("{\"symptoms\":5}")));
        cases.add(Arguments.of("symptom as number", Hostile.post("{\"symptoms\":[1]}")));
        cases.add(Arguments.of("symptom as array", Hostile.post("{\"symptoms\":[[]]}")));
        cases.add(Arguments.of("null among symptoms", Hostile.post("{\"symptoms\":[null,{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("code as number", Hostile.post("{\"symptoms\":[{\"code\":5}]}")));
        cases.add(Arguments.of("code null", Hostile.post("{\"symptoms\":[{\"code\":null}]}")));
        cases.add(Arguments.of("code as object", Hostile.post("{\"symptoms\":[{\"code\":{}}]}")));
        cases.add(Arguments.of("code with markup", Hostile.post("{\"symptoms\":[{\"code\":\"" + MARKUP + "\"}]}")));
        cases.add(Arguments.of("code with control characters", Hostile.post("{\"symptoms\":[{\"code\":\"fat\\u0000igue\\u0007\"}]}")));
        cases.add(Arguments.of("raw control character in string", Hostile.post("{\"symptoms\":[{\"code\":\"fat\u0001igue\"}]}")));
        cases.add(Arguments.of("code of 10,000 characters", Hostile.post("{\"symptoms\":[{\"code\":\"" + "x".repeat(10_000) + "\"}]}")));
        cases.add(Arguments.of("status unknown word", Hostile.post(symptom("\"status\":\"maybe\""))));
        cases.add(Arguments.of("onset as boolean", Hostile.post(symptom("\"onset\":true"))));
        cases.add(Arguments.of("side with markup", Hostile.post(symptom("\"side\":\"" + MARKUP + "\""))));
        cases.add(Arguments.of("severity as number", Hostile.post(symptom("\"severity\":3"))));
        cases.add(Arguments.of("locations as string", Hostile.post(symptom("\"locations\":\"arm\""))));
        cases.add(Arguments.of("null among locations", Hostile.post(symptom("\"locations\":[null]"))));
        cases.add(Arguments.of("location as number", Hostile.post(symptom("\"locations\":[1]"))));
        cases.add(Arguments.of("hours as string", Hostile.post(symptom("\"hoursSinceOnset\":\"2\""))));
        cases.add(Arguments.of("hours 1e999", Hostile.post(symptom("\"hoursSinceOnset\":1e999"))));
        cases.add(Arguments.of("hours -1e308", Hostile.post(symptom("\"hoursSinceOnset\":-1e308"))));
        cases.add(Arguments.of("hours NaN token", Hostile.post(symptom("\"hoursSinceOnset\":NaN"))));
        cases.add(Arguments.of("worsening as number", Hostile.post(symptom("\"worsening\":1"))));
        cases.add(Arguments.of("recurring as array", Hostile.post(symptom("\"recurring\":[]"))));
        cases.add(Arguments.of("risk factors as string", Hostile.post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"riskFactors\":\"diabetes\"}")));
        cases.add(Arguments.of("null among risk factors", Hostile.post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"riskFactors\":[null]}")));
        cases.add(Arguments.of("risk factor with markup", Hostile.post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"riskFactors\":[\"" + MARKUP + "\"]}")));
        String fatigue = "{\"symptoms\":[{\"code\":\"fatigue\"}],";
        cases.add(Arguments.of("vitals as array", Hostile.post(fatigue + "\"vitals\":[]}")));
        cases.add(Arguments.of("vitals as string", Hostile.post(fatigue + "\"vitals\":\"normal\"}")));
        cases.add(Arguments.of("pulse as string", Hostile.post(fatigue + "\"vitals\":{\"heartRate\":\"88\"}}")));
        cases.add(Arguments.of("pulse 1e999", Hostile.post(fatigue + "\"vitals\":{\"heartRate\":1e999}}")));
        cases.add(Arguments.of("pulse as decimal", Hostile.post(fatigue + "\"vitals\":{\"heartRate\":88.5}}")));
        cases.add(Arguments.of("temperature NaN token", Hostile.post(fatigue + "\"vitals\":{\"temperature\":NaN}}")));
        cases.add(Arguments.of("glucose -1e308", Hostile.post(fatigue + "\"vitals\":{\"bloodGlucose\":-1e308}}")));
        cases.add(Arguments.of("oxygen as number", Hostile.post(fatigue + "\"vitals\":{\"onSupplementalOxygen\":1}}")));
        cases.add(Arguments.of("consciousness with markup", Hostile.post(fatigue + "\"vitals\":{\"consciousness\":\"" + MARKUP + "\"}}")));
        cases.add(Arguments.of("absent risk factors as string", Hostile.post(fatigue + "\"absentRiskFactors\":\"diabetes\"}")));
        cases.add(Arguments.of("null among absent risk factors", Hostile.post(fatigue + "\"absentRiskFactors\":[null]}")));
        cases.add(Arguments.of("risk factor present and absent", Hostile.post(fatigue + "\"riskFactors\":[\"diabetes\"],\"absentRiskFactors\":[\"diabetes\"]}")));
        cases.add(Arguments.of("spread with markup", Hostile.post("{\"symptoms\":[{\"code\":\"muscle_weakness\",\"spread\":\"" + MARKUP + "\"}]}")));
        // A trigger on a symptom that takes none is ignored and listed in unused (TriageResourceTest); a malformed one is not.
        cases.add(Arguments.of("malformed trigger on a symptom that takes none",
                Hostile.post("{\"symptoms\":[{\"code\":\"seizure\",\"trigger\":\"" + MARKUP + "\"}]}")));
        cases.add(Arguments.of("trigger as array", Hostile.post("{\"symptoms\":[{\"code\":\"fatigue\",\"trigger\":[\"exercise\"]}]}")));
        cases.add(Arguments.of("under treatment as string", Hostile.post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"underTreatment\":\"no\"}")));
        cases.add(Arguments.of("nesting 10,000 deep", Hostile.post("{\"symptoms\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")));
        cases.add(Arguments.of("2 MB string", Hostile.post("{\"symptoms\":[{\"code\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}]}")));
        StringBuilder many = new StringBuilder("{\"symptoms\":[");
        for (int i = 0; i < 5000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"code\":\"fatigue\"}");
        }
        cases.add(Arguments.of("5,000 symptoms", Hostile.post(many.append("]}").toString())));
        StringBuilder fiftyOne = new StringBuilder("{\"symptoms\":[");
        for (int i = 0; i < 51; i++) {
            fiftyOne.append(i == 0 ? "" : ",").append("{\"code\":\"fatigue\"}");
        }
        cases.add(Arguments.of("51 symptoms", Hostile.post(fiftyOne.append("]}").toString())));
        cases.add(Arguments.of("duplicate keys", Hostile.post("{\"symptoms\":[{\"code\":\"fatigue\",\"code\":\"headache\"}]}")));
        cases.add(Arguments.of("comment in JSON", Hostile.post("{/* hi */\"symptoms\":[{\"code\":\"fatigue\"}]}")));
        cases.add(Arguments.of("trailing comma", Hostile.post("{\"symptoms\":[{\"code\":\"fatigue\"},]}")));
        cases.add(Arguments.of("JSON null", Hostile.post("null")));
        cases.add(Arguments.of("empty body", Hostile.post("")));
        cases.add(Arguments.of("markup instead of JSON", Hostile.post(MARKUP)));
        cases.add(Arguments.of("text/plain", new Hostile("POST", "text/plain", "{\"symptoms\":[{\"code\":\"fatigue\"}]}".getBytes(StandardCharsets.UTF_8))));
        cases.add(Arguments.of("application/xml", new Hostile("POST", "application/xml", "<symptoms/>".getBytes(StandardCharsets.UTF_8))));
        cases.add(Arguments.of("form encoded", new Hostile("POST", "application/x-www-form-urlencoded", "symptoms=fatigue".getBytes(StandardCharsets.UTF_8))));
        cases.add(Arguments.of("no content type", new Hostile("POST", null, "{\"symptoms\":[{\"code\":\"fatigue\"}]}".getBytes(StandardCharsets.UTF_8))));
        cases.add(Arguments.of("GET", new Hostile("GET", null, null)));
        cases.add(Arguments.of("PUT", new Hostile("PUT", JSON, "{}".getBytes(StandardCharsets.UTF_8))));
        cases.add(Arguments.of("DELETE", new Hostile("DELETE", null, null)));
        cases.add(Arguments.of("PATCH", new Hostile("PATCH", JSON, "{}".getBytes(StandardCharsets.UTF_8))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void shouldAnswerAClearProblemAndKeepWorking(String name, Hostile hostile) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (hostile.contentType() != null) {
            request = request.contentType(hostile.contentType());
        }
        if (hostile.body() != null) {
            // REST Assured re-encodes form bodies itself; give it text there and raw bytes everywhere else.
            request = "application/x-www-form-urlencoded".equals(hostile.contentType())
                    ? request.body(new String(hostile.body(), StandardCharsets.UTF_8)) : request.body(hostile.body());
        }
        Response response = request.when().request(hostile.method(), "/api/v1/triage");
        int status = response.statusCode();
        String body = response.asString();
        assertTrue(status >= 400 && status < 500, name + " gave " + status + ": " + body);
        assertEquals("application/problem+json", response.contentType().split(";")[0], name);
        assertEquals(status, response.jsonPath().getInt("status"), name);
        String detail = response.jsonPath().getString("detail");
        assertTrue(detail != null && detail.length() > 10, name + ": detail " + detail);
        for (String leak : List.of("Exception", "dev.triageapi", "com.fasterxml", "java.", "\tat ", "io.quarkus", "<img", "onerror")) {
            assertFalse(body.contains(leak), name + " leaked " + leak + ": " + body);
        }
        assertTrue(body.length() < 4096, name + " answered with a body of " + body.length());

        given().contentType(JSON).body("{\"symptoms\":[{\"code\":\"vision_change\",\"onset\":\"sudden\"}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200).body("urgency", equalTo("emergency_ambulance"));
    }
}
