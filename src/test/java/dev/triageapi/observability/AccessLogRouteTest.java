package dev.triageapi.observability;

import dev.triageapi.testing.LogCapture;
import dev.triageapi.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access log names the route the router matched, however the path was spelled, and what really happened. */
@QuarkusTest
class AccessLogRouteTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldLabelAMatrixSpelledRequestWithItsMatchedRoute() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String id = "00000000-0000-4000-8000-00000000a001";
            RawHttp.Response answer = RawHttp.send(root.getPort(), "POST", "/api;x=1/v1/triage",
                    Map.of("Content-Type", "application/json", "X-Request-Id", id), "{\"symptoms\":[{\"code\":\"fatigue\"}]}");
            assertTrue(answer.status() == 200, answer.toString());
            await().until(() -> line(log, id) != null);
            assertTrue(line(log, id).contains("route=/api/v1/triage status=200"), line(log, id));
            assertTrue(!line(log, id).contains("x=1"), line(log, id));
        }
    }

    @Test
    void shouldNeverLogAPathTheServiceDidNotServe() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String id = "00000000-0000-4000-8000-00000000a002";
            RawHttp.send(root.getPort(), "GET", "/api/v1/difficulty_speaking_age_87", Map.of("X-Request-Id", id), null);
            await().until(() -> line(log, id) != null);
            assertTrue(line(log, id).contains("route=other status=404"), line(log, id));
        }
    }

    @Test
    void shouldNotLogAMadeUpPathThatARefusalComesFrom() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String id = "00000000-0000-4000-8000-00000000a004";
            RawHttp.exchange(root.getPort(), ("POST /age_87_difficulty_speaking HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + id
                    + "\r\nContent-Type: application/json\r\nContent-Length: 999999\r\n\r\n{").getBytes(StandardCharsets.US_ASCII), 5000);
            await().until(() -> line(log, id) != null);
            assertTrue(line(log, id).contains("route=other status=413"), line(log, id));
        }
    }

    @Test
    void shouldLogARequestTheClientAbandonedAsAbandoned() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String id = "00000000-0000-4000-8000-00000000a003";
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", root.getPort()), 2000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/triage HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "X-Request-Id: " + id + "\r\nContent-Length: 500\r\n\r\n{\"symptoms\":[").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            await().until(() -> line(log, id) != null);
            assertTrue(line(log, id).contains("outcome=abandoned"), line(log, id));
            assertTrue(!line(log, id).contains("status=200"), line(log, id));
        }
    }

    @Test
    void shouldNotLogHealthProbes() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String probe = "00000000-0000-4000-8000-00000000a005";
            String after = "00000000-0000-4000-8000-00000000a006";
            for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/health/well"}) {
                RawHttp.send(root.getPort(), "GET", path, Map.of("X-Request-Id", probe), null);
            }
            RawHttp.send(root.getPort(), "GET", "/q/openapi", Map.of("X-Request-Id", after), null);
            await().until(() -> line(log, after) != null);
            assertNull(line(log, probe), "a probe is not logged");
            assertTrue(line(log, after).contains("route=/q/openapi status=200"), line(log, after));
        }
    }

    private static String line(LogCapture log, String id) {
        return log.lines().stream().filter(l -> l.contains("dev.triageapi.access") && l.contains("request id=" + id))
                .findFirst().orElse(null);
    }
}
