package dev.triageapi.http;

import dev.triageapi.cdshooks.CdsExamples;
import dev.triageapi.fhir.FhirExamples;
import dev.triageapi.testing.LogCapture;
import dev.triageapi.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a careless or hostile HTTP client does at the protocol level: no Host, chunked bodies over the limit, no
 * Content-Type, wrong methods, a forged Host. Loopback only. Timeouts are tested on the jar ({@code HttpFramingIT}).
 */
@QuarkusTest
class HttpHygieneTest {

    @TestHTTPResource("/")
    URL root;

    static void assertProblem(RawHttp.Response response, int status) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.header("content-type").startsWith("application/problem+json"), response.toString());
        assertTrue(response.body().contains("\"status\":" + status) && response.body().contains("\"detail\""), response.body());
    }

    @Test
    void shouldRefuseARequestWithoutHostAndLogNoPathOrQuery() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            RawHttp.Response response = RawHttp.exchange(root.getPort(), ("GET /api/v1/symptoms?age=87&symptom=difficulty_speaking"
                    + " HTTP/1.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), 5000);
            assertProblem(response, 400);
            assertFalse(response.body().contains("stack"), response.body());
            String marker = "00000000-0000-4000-8000-0000000b0001";
            RawHttp.send(root.getPort(), "GET", "/api/v1/symptoms", Map.of("X-Request-Id", marker), null);
            await().until(() -> log.lines().stream().anyMatch(l -> l.contains(marker)));
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("age=87") || l.contains("difficulty_speaking")
                    || l.startsWith("ERROR")), log.lines().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/triage, application/json", "/api/v1/triage/fhir, application/fhir+json",
            "/cds-services/muscle-weakness-triage, application/json"})
    void shouldRefuseAChunkedBodyOverTheLimitOnEveryEndpoint(String path, String type) throws Exception {
        byte[] big = ("{\"resourceType\":\"Bundle\",\"symptoms\":[" + "{\"code\":\"fatigue\"},".repeat(12_000)
                + "{\"code\":\"fever\"}]}").getBytes(StandardCharsets.UTF_8);
        assertProblem(RawHttp.exchange(root.getPort(), chunked(path, type, big), 5000), 413);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/triage, application/json", "/api/v1/triage/fhir, application/fhir+json",
            "/cds-services/muscle-weakness-triage, application/json"})
    void shouldAnswerAChunkedBodyWithinTheLimit(String path, String type) throws Exception {
        String body = validBody(path);
        RawHttp.Response response = RawHttp.exchange(root.getPort(), chunked(path, type, body.getBytes(StandardCharsets.UTF_8)), 5000);
        assertEquals(200, response.status(), response.toString());
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimit() throws Exception {
        RawHttp.Response response = RawHttp.exchange(root.getPort(), ("POST /api/v1/triage/fhir HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/fhir+json\r\nContent-Length: 999999\r\n\r\n{").getBytes(StandardCharsets.US_ASCII), 5000);
        assertProblem(response, 413);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/triage", "/api/v1/triage/fhir", "/cds-services/muscle-weakness-triage"})
    void shouldRefuseABodyWithoutContentType(String path) throws Exception {
        RawHttp.Response response = RawHttp.send(root.getPort(), "POST", path, Map.of(), "{\"symptoms\":[{\"code\":\"fatigue\"}]}");
        if (path.contains("/fhir")) {
            assertEquals(415, response.status(), response.toString());
            assertTrue(response.header("content-type").startsWith("application/fhir+json"), response.toString());
            assertTrue(response.body().contains("\"code\":\"not-supported\""), response.body());
        } else {
            assertProblem(response, 415);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"DELETE, /api/v1/triage, 'OPTIONS, POST'", "GET, /api/v1/triage, 'OPTIONS, POST'",
            "POST, /api/v1/symptoms, 'GET, HEAD, OPTIONS'", "PUT, /cds-services, 'GET, HEAD, OPTIONS'",
            "DELETE, /api;x=1/v1/rules/, 'GET, HEAD, OPTIONS'"})
    void shouldNameTheAllowedMethodsOnA405(String method, String path, String allow) throws Exception {
        RawHttp.Response response = RawHttp.send(root.getPort(), method, path,
                Map.of("Content-Type", "application/json"), "POST".equals(method) || "PUT".equals(method) ? "{}" : null);
        assertProblem(response, 405);
        assertEquals(allow, response.header("allow"));
    }

    /** Java's own HTTP client speaks HTTP/2 (h2c upgrade) by default, as many EHR integrations will. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/triage, application/json", "/api/v1/triage/fhir, application/fhir+json",
            "/cds-services/muscle-weakness-triage, application/json"})
    void shouldAnswerHttp2Clients(String path, String type) throws Exception {
        String body = validBody(path);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) { // the first request upgrades the connection, the second is HTTP/2 proper
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(root.toURI().resolve(path))
                    .timeout(java.time.Duration.ofSeconds(10)).header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.version() + ": " + response.body());
        }
    }

    @Test
    void shouldBuildCardLinksFromTheConfiguredAddressNotTheHostHeader() throws Exception {
        RawHttp.Response response = RawHttp.exchange(root.getPort(), ("POST /cds-services/muscle-weakness-triage HTTP/1.1\r\n"
                + "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + CdsExamples.ENCOUNTER_START.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                + CdsExamples.ENCOUNTER_START).getBytes(StandardCharsets.UTF_8), 5000);
        assertEquals(200, response.status(), response.toString());
        assertFalse(response.body().contains("evil.example"), response.body());
        assertTrue(response.body().contains("\"url\":\"https://triage.example.test/api/v1/rules\""), response.body());
        assertEquals("no-store", response.header("cache-control"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"header too large, 431", "request line too long, 414", "malformed Content-Length, 400"})
    void shouldRefuseBrokenFramingBeforeReadingIt(String name, int status) throws Exception {
        String request = switch (status) {
            case 431 -> "GET /api/v1/symptoms HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(30_000) + "\r\n\r\n";
            case 414 -> "GET /api/v1/symptoms?" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            default -> "POST /api/v1/triage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1x\r\n\r\n{}";
        };
        // Vert.x answers these in its HTTP decoder, before any handler of the service can run (see docs/security.md).
        assertEquals(status, RawHttp.exchange(root.getPort(), request.getBytes(StandardCharsets.US_ASCII), 5000).status());
    }

    /** A valid request for each intake endpoint: the documented examples, or a plain JSON triage. */
    private static String validBody(String path) {
        return path.contains("fhir") ? FhirExamples.QUESTIONNAIRE_RESPONSE
                : path.contains("cds") ? CdsExamples.ENCOUNTER_START : "{\"symptoms\":[{\"code\":\"fatigue\"}]}";
    }

    private static byte[] chunked(String path, String type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + type
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int at = 0; at < body.length; at += 8192) {
            int size = Math.min(8192, body.length - at);
            out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
