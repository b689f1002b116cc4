package dev.triageapi.packaging;

import dev.triageapi.cdshooks.CdsExamples;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request framing and HTTP timeouts on the packaged jar, written byte by byte on a loopback socket as an attacker
 * would, with the timeouts set short (1 s each) so the test runs in seconds: a body length read two ways (RFC 9112
 * 6.1 and 6.3) is refused and the connection closed, so that no bytes hidden in it run as a further request; two Host
 * headers are refused; a trickled body is answered 408 and dropped whatever its Upgrade header; idle connections are
 * closed; and none of it writes a stack trace or a client's bytes to the log. Loopback only, bounded.
 */
@AlongsideQuarkusTests
class HttpFramingIT {

    private static final String KEY = "framing-test-key";
    /** A request that needs the key, hidden in a body: if it ever runs, a second response follows the first. */
    private static final String HIDDEN = "GET /api/v1/rules HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\n\r\n";
    /** A request with an effect one can count (a CDS feedback metric), hidden the same way. */
    private static final String HIDDEN_FEEDBACK = "POST /cds-services/muscle-weakness-triage/feedback HTTP/1.1\r\nHost: x\r\n"
            + "X-API-Key: " + KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
            + CdsExamples.FEEDBACK.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + CdsExamples.FEEDBACK;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    static RunningJar app;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("framing");
        app = RunningJar.start(dir, RunningJar.NO_WARM_UP, "-Dtriage.api.body-timeout=1s", "-Dquarkus.http.idle-timeout=1S",
                "-Dtriage.security.api-keys=" + KEY).awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** Writes the bytes, then reads every response until the server closes the connection (or 5 s pass). */
    private static String exchange(String raw) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | SocketException stillOpenOrReset) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The status of every response the bytes got. */
    private static List<Integer> statuses(String raw) throws IOException {
        Matcher m = STATUS_LINE.matcher(exchange(raw));
        return m.results().map(r -> Integer.parseInt(r.group(1))).toList();
    }

    /** One problem+json 400 of this service's framing check, the connection closed after it, and nothing more. */
    private static void refusedForFraming(String raw) throws IOException {
        String answer = exchange(raw);
        assertEquals(List.of(400), STATUS_LINE.matcher(answer).results().map(r -> Integer.parseInt(r.group(1))).toList(), answer);
        assertTrue(answer.contains("\"type\":\"urn:problem-type:triage:bad-framing\""), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
    }

    private static String triage(String headers, String body) {
        return "POST /api/v1/triage HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nContent-Type: application/json\r\n"
                + headers + "\r\n" + body;
    }

    @Test
    void shouldRefuseATransferEncodingOtherThanChunkedAloneAndRunNothingHiddenBehindIt() throws Exception {
        String chunkedBody = "4\r\n{}  \r\n0\r\n\r\n";
        // chunked with a parameter next to a Content-Length of 4: read by length, the rest would be a second request.
        refusedForFraming(triage("Content-Length: 4\r\nTransfer-Encoding: chunked;x=1\r\n", chunkedBody + HIDDEN));
        // gzip and no length: read as no body, the following bytes would be a second request.
        refusedForFraming(triage("Transfer-Encoding: gzip\r\n", HIDDEN));
        refusedForFraming(triage("Transfer-Encoding: gzip, chunked\r\n", chunkedBody + HIDDEN));
        refusedForFraming(triage("Transfer-Encoding: \r\n", HIDDEN));
        // Netty's decoder refuses these itself, with a bare 400, before any handler: both headers each valid alone, and
        // chunked followed by another coding in a second header.
        assertEquals(List.of(400), statuses(triage("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", chunkedBody + HIDDEN)));
        assertEquals(List.of(400), statuses(triage("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n",
                chunkedBody + HIDDEN)));
    }

    @Test
    void shouldNeverRunARequestPipelinedBehindARefusedOne() throws Exception {
        String chunkedBody = "4\r\n{}  \r\n0\r\n\r\n";
        List<String> smuggled = List.of(triage("Transfer-Encoding: gzip\r\n", HIDDEN_FEEDBACK),
                triage("Transfer-Encoding: gzip, chunked\r\n", chunkedBody + HIDDEN_FEEDBACK),
                triage("Content-Length: 4\r\nTransfer-Encoding: chunked;x=1\r\n", chunkedBody + HIDDEN_FEEDBACK));
        List<String> answers = new ArrayList<>();
        for (String raw : smuggled) {
            answers.add(exchange(raw));
        }
        // What the server did comes first: a hidden feedback that ran is counted, whatever was answered.
        String metrics = RawHttp.send(app.port(), "GET", "/q/metrics", Map.of(), null).body();
        assertFalse(metrics.lines().anyMatch(l -> l.startsWith("triage_cds_feedback_total{") && !l.endsWith(" 0.0")),
                "a hidden feedback request was counted:\n" + metrics.lines().filter(l -> l.contains("feedback")).toList());
        for (String answer : answers) {
            assertEquals(List.of(400), STATUS_LINE.matcher(answer).results().map(r -> Integer.parseInt(r.group(1))).toList(), answer);
        }
    }

    @Test
    void shouldStillServeChunkedBodiesAndPipelinedRequests() throws Exception {
        String body = "{\"symptoms\":[{\"code\":\"fatigue\"}]}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        assertEquals(List.of(200, 200), statuses(triage("Transfer-Encoding: chunked\r\n", chunked)
                + triage("Content-Length: " + body.length() + "\r\nConnection: close\r\n", body)));
    }

    @Test
    void shouldRefuseTwoHostHeaders() throws Exception {
        assertEquals(List.of(400), statuses("GET /api/v1/rules HTTP/1.1\r\nHost: a\r\nHost: b\r\nX-API-Key: " + KEY
                + "\r\n\r\n" + HIDDEN));
        assertEquals(List.of(400), statuses("GET /api/v1/rules HTTP/1.1\r\nX-API-Key: " + KEY + "\r\n\r\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "Upgrade: x\r\nConnection: Upgrade\r\n"})
    void shouldDropAClientThatTricklesItsBodyWhateverItsUpgradeHeader(String upgrade) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 2000);
            socket.setSoTimeout(100); // paces the trickle: a byte every 100 ms while no answer has come
            OutputStream out = socket.getOutputStream();
            out.write(triage(upgrade + "Content-Length: 1000\r\n", "{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            InputStream in = socket.getInputStream();
            while (System.nanoTime() < deadline) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break; // dropped
                    }
                    answer.write(buffer, 0, n);
                } catch (SocketTimeoutException nothingYet) {
                    try {
                        out.write(' ');
                        out.flush();
                    } catch (IOException closed) {
                        break;
                    }
                }
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 408"), "a trickled body is answered 408: " + text);
            assertTrue(text.contains("application/problem+json"), text);
        }
    }

    @Test
    void shouldCloseIdleConnections() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 2000);
                socket.setSoTimeout(200);
                idle.add(socket);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> idle.stream().allMatch(HttpFramingIT::closedByServer));
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    private static boolean closedByServer(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void shouldLogNoStackTraceOrClientBytesForMalformedFraming() throws Exception {
        String marker = "zq" + "framing-marker-7731";
        statuses(triage("Transfer-Encoding: gzip\r\nX-Marker: " + marker + "\r\n", "\u001f\u008b" + marker + "\r\n\r\n"));
        statuses(triage("Transfer-Encoding: gzip\r\nContent-Encoding: gzip\r\n", "\u001f\u008b\u0008junk" + marker));
        // A body aborted half way, under an Upgrade header: once the server has said it reads the body (100 Continue).
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(triage("Upgrade: x\r\nConnection: Upgrade\r\nExpect: 100-continue\r\nContent-Length: 500\r\n", "")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] buffer = new byte[256];
            int n = socket.getInputStream().read(buffer);
            assertTrue(n > 0 && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 100"),
                    "the server reads the body now");
            out.write(("{\"" + marker).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoLinger(true, 0); // a reset, not a clean close
        }
        assertEquals(List.of(200), statuses("GET /q/openapi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(app.log).contains("route=/q/openapi status=200"));
        String log = Files.readString(app.log);
        assertFalse(log.contains(marker), "no byte a client sent reaches the log");
        assertFalse(log.contains("\tat "), "no stack trace in the log:\n" + log);
        assertFalse(log.contains(" ERROR "), "a client's error is never logged as ERROR:\n" + log);
    }

    @Test
    void shouldRefuseToStartWhenItMayQueryAnEhrButTrustsNoCdsClient() throws Exception {
        Path other = Files.createTempDirectory("fetch-without-trust");
        try (RunningJar refused = RunningJar.start(other, "-Dtriage.cds.fhir-servers=http://127.0.0.1:9/fhir")) {
            assertTrue(refused.process.waitFor(60, TimeUnit.SECONDS), "the service does not start");
            assertTrue(refused.process.exitValue() != 0);
            String log = Files.readString(refused.log);
            assertTrue(log.contains("triage.cds.fhir-servers needs triage.cds.clients"), log);
        }
    }
}
