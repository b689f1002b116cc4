package dev.triageapi.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.testing.AlongsideQuarkusTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded soak on loopback (32 clients, {@code soak.seconds}, default 3; {@code -Dsoak.seconds=60} for a longer one):
 * no errors, and every answer is byte for byte the answer the same request got alone. And a request in flight when the
 * service is told to stop still gets its answer.
 *
 * <p>Both run against one start of the jar, the stop last since it ends the process: a start costs several seconds of
 * the build, and a stop right after a soak is the harder case anyway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@AlongsideQuarkusTests
class LoadAndShutdownIT {

    static final int CLIENTS = 32;
    static final long SECONDS = Long.getLong("soak.seconds", 3);
    static final long MAX_REQUESTS = 5_000_000;

    private RunningJar app;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        app = RunningJar.start(workDir, RunningJar.NO_WARM_UP).awaitReady();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void shouldAnswerEveryConcurrentRequestExactlyAsItWasAnsweredAlone() throws Exception {
        List<String> bodies = vignetteRequests();
        List<String> expected = new ArrayList<>();
        for (String body : bodies) {
            HttpResponse<String> alone = app.postTriage(body);
            assertEquals(200, alone.statusCode(), body);
            expected.add(alone.body());
        }
        AtomicLong sent = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            clients.submit(() -> {
                for (int i = offset; System.nanoTime() < deadline && sent.incrementAndGet() < MAX_REQUESTS && failures.size() < 10; i++) {
                    int k = i % bodies.size();
                    try {
                        HttpResponse<String> r = app.postTriage(bodies.get(k));
                        if (r.statusCode() != 200 || !r.body().equals(expected.get(k))) {
                            failures.add("request " + k + ": status " + r.statusCode());
                        }
                    } catch (Exception e) {
                        failures.add("request " + k + ": " + e);
                    }
                }
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(SECONDS + 60, TimeUnit.SECONDS), "clients did not finish");
        assertTrue(failures.isEmpty(), failures.size() + " failures, e.g. " + failures.peek());
        assertTrue(sent.get() > bodies.size(), "only " + sent.get() + " requests");
        System.out.printf("soak: %d requests from %d clients in %d s, 0 errors, 0 mismatches%n", sent.get(), CLIENTS, SECONDS);
    }

    @Test
    @Order(2)
    void shouldFinishARequestInFlightWhenAskedToStop() throws Exception {
        byte[] body = "{\"symptoms\":[{\"code\":\"confusion\",\"onset\":\"sudden\"}]}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/triage HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            // Nothing in the service shows that a half-sent request has arrived, or that shutdown has begun (the
            // probes keep answering while requests drain), so these two waits stay plain sleeps, well inside the
            // 10 s body timeout.
            Thread.sleep(500);
            app.process.destroy(); // SIGTERM while the request is half sent
            Thread.sleep(1000);
            out.write(body, 10, body.length - 10);
            out.flush();
            String response = readAll(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"urgency\":\"emergency_ambulance\""), response);
            assertTrue(app.process.waitFor(30, TimeUnit.SECONDS), "the service did not stop");
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** The request of every vignette: realistic, varied bodies. */
    private static List<String> vignetteRequests() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/vignettes"))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            // Every third vignette: over a hundred realistic, varied bodies, each first answered alone.
            for (Path file : java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 3 == 0).mapToObj(all::get).toList()) {
                JsonNode request = json.readTree(file.toFile()).get("request");
                bodies.add(json.writeValueAsString(request));
            }
        }
        return bodies;
    }
}
