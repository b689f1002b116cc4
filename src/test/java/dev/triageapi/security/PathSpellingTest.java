package dev.triageapi.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.testing.CustomisedClinic;
import dev.triageapi.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attacker's afternoon: every operation of the OpenAPI document (so a new endpoint is covered without editing
 * this test) under every spelling of its path a router might resolve to it, without a key. None may answer 2xx.
 * The same spellings with a valid key show which of them really reach the endpoint, so the test cannot pass
 * merely because every odd spelling is a 404.
 */
@QuarkusTest
@TestProfile(CustomisedClinic.class)
class PathSpellingTest {

    @TestHTTPResource("/")
    URL root;

    record Operation(String method, String path, String contentType, String body) { }

    @Test
    void shouldRefuseEverySpellingOfEveryProtectedRouteWithoutAKey() throws Exception {
        List<Operation> operations = operations();
        assertTrue(operations.size() >= 10, "the OpenAPI document lists the API's operations: " + operations);
        int port = root.getPort();
        List<String> bypasses = new ArrayList<>();
        int reachedWithKey = 0;
        int tried = 0;
        for (Operation operation : operations) {
            Set<String> spellings = spellings(operation.path(), port);
            assertTrue(spellings.size() >= 30, operation.path() + " has " + spellings.size() + " spellings");
            for (String target : spellings) {
                tried++;
                RawHttp.Response without = send(port, operation, target, Map.of());
                if (without.status() >= 200 && without.status() < 300) {
                    bypasses.add(operation.method() + " " + target + " -> " + without.status());
                }
                RawHttp.Response with = send(port, operation, target, Map.of("X-API-Key", CustomisedClinic.FIRST_KEY));
                if (with.status() >= 200 && with.status() < 300) {
                    reachedWithKey++;
                    assertEquals(401, without.status(), operation.method() + " " + target
                            + " reaches the endpoint with a key, so without one it must be 401");
                }
            }
        }
        assertTrue(bypasses.isEmpty(), "answered without a key: " + bypasses);
        assertTrue(reachedWithKey >= 3 * operations.size(),
                "several odd spellings do reach the endpoints (" + reachedWithKey + " of " + tried + ")");
    }

    private static RawHttp.Response send(int port, Operation operation, String target, Map<String, String> headers)
            throws Exception {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        if (operation.body() != null) {
            all.put("Content-Type", operation.contentType());
        }
        return RawHttp.send(port, operation.method(), target, all, operation.body());
    }

    /** Each path of the OpenAPI document with each method, and for POST the document's own first example body. */
    private static List<Operation> operations() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json")
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().properties().iterator(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode content = method.getValue().path("requestBody").path("content");
                String contentType = null;
                String body = null;
                if (content.size() > 0) {
                    Map.Entry<String, JsonNode> media = content.properties().iterator().next();
                    contentType = media.getKey();
                    JsonNode examples = media.getValue().path("examples");
                    body = examples.size() > 0 ? examples.elements().next().get("value").toString() : "{}";
                }
                out.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), contentType, body));
            }
        }
        return out;
    }

    /** The ways a path can be written that a lenient router, decoder or normaliser may take for the same path. */
    static Set<String> spellings(String path, int port) {
        Set<String> out = new LinkedHashSet<>();
        String[] segments = path.substring(1).split("/");
        out.add(path);
        out.add(path.toUpperCase(Locale.ROOT));
        out.add("/" + capitalise(segments[0]) + path.substring(segments[0].length() + 1));
        out.add("/" + path);
        out.add(path.replace("/", "//"));
        out.add(path + "/");
        out.add(path + "//");
        out.add(path + "/.");
        out.add(path + "?");
        out.add(path + "?x=1");
        out.add(path + "#fragment");
        out.add("/." + path);
        out.add("/" + segments[0] + "/." + path.substring(segments[0].length() + 1));
        out.add("/x/.." + path);
        out.add("/" + segments[0] + "/x/.." + path.substring(segments[0].length() + 1));
        out.add("/%2e" + path);
        out.add("/x/%2e%2e" + path);
        out.add("/x/%2E%2E" + path);
        out.add(path.replace("/", "%2F").replaceFirst("%2F", "/"));
        out.add(path.replace("/", "%2f").replaceFirst("%2f", "/"));
        out.add("/%61" + path.substring(2));
        out.add(percentEncodeLetters(path));
        out.add(path.replace("/", "\\"));
        out.add(path.replace("/", "%5C").replaceFirst("%5C", "/"));
        out.add(path + "%00");
        out.add(path + "%20");
        out.add(path + ";");
        out.add(path + ";/");
        out.add(path + "/%2e");
        out.add(path + "%2F");
        out.add(path.substring(0, path.lastIndexOf('/') + 1) + capitalise(segments[segments.length - 1]));
        out.add(path + ";x=1");
        out.add(path.replace("/", "/;/").replaceFirst("/;/", "/"));
        for (int i = 0; i < segments.length; i++) {
            out.add(withSuffix(segments, i, ";"));
            out.add(withSuffix(segments, i, ";x=1"));
            out.add(withSuffix(segments, i, ";jsessionid=1"));
            out.add(withSuffix(segments, i, "%3B"));
            out.add(withSuffix(segments, i, "%3Bx=1"));
        }
        out.add("http://127.0.0.1:" + port + path);
        out.add("http://evil.example" + path);
        out.add("HTTP://127.0.0.1:" + port + path.toUpperCase(Locale.ROOT));
        return out;
    }

    private static String withSuffix(String[] segments, int index, String suffix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            out.append('/').append(segments[i]);
            if (i == index) {
                out.append(suffix);
            }
        }
        return out.toString();
    }

    private static String capitalise(String segment) {
        return segment.isEmpty() ? segment : Character.toUpperCase(segment.charAt(0)) + segment.substring(1);
    }

    private static String percentEncodeLetters(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append(Character.isLetter(c) ? String.format("%%%02X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
