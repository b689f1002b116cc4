package dev.triageapi.testing;

import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts one hostile body and checks the answer a hostile body must get: a quick, clear 4xx and nothing else. */
public final class Hostile {

    /** A bound on a refusal, not a speed figure: a body that costs more than this is a denial of service. */
    public static final Duration BOUND = Duration.ofSeconds(1);

    private Hostile() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes around a raw, possibly invalid, middle. */
    public static byte[] bytes(String before, byte[] middle, String after) {
        byte[] a = utf8(before);
        byte[] c = utf8(after);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    /**
     * Posts the body; the answer must be a 4xx problem with a detail (an OperationOutcome with diagnostics on the
     * FHIR endpoints), without internals, within {@link #BOUND}.
     */
    public static Response assertRefused(String path, String contentType, byte[] body) {
        Response response = assertTimeoutPreemptively(BOUND, () -> given().contentType(contentType).body(body)
                .when().post(path).andReturn(), "a hostile body must be refused within " + BOUND);
        int status = response.statusCode();
        String text = response.asString();
        assertTrue(status >= 400 && status < 500, "status " + status + ": " + text);
        // The router refuses an oversized body before any endpoint is chosen: that one is problem+json everywhere.
        if (path.contains("/fhir") && status != 413) {
            assertTrue(response.contentType().startsWith("application/fhir+json"), response.contentType() + ": " + text);
            assertEquals("OperationOutcome", response.jsonPath().getString("resourceType"), text);
            assertFalse(response.jsonPath().getString("issue[0].diagnostics").isBlank(), text);
        } else {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType() + ": " + text);
            assertEquals(status, response.jsonPath().getInt("status"), text);
            assertFalse(response.jsonPath().getString("detail").isBlank(), text);
        }
        for (String internal : new String[] {"Exception", "dev.triageapi", "ca.uhn", "com.fasterxml", "\tat "}) {
            assertFalse(text.contains(internal), "leaks " + internal + ": " + text);
        }
        return response;
    }

    /** {@code depth} objects nested in one another under {@code key}. */
    public static String nested(String key, int depth) {
        return ("{\"" + key + "\":").repeat(depth) + "{}" + "}".repeat(depth);
    }
}
