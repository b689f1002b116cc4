package dev.triageapi.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the packaged application the way an operator does, {@code java -jar target/quarkus-app/quarkus-run.jar},
 * from an unrelated folder: the bundled rules must come along, and broken rules must stop it from starting.
 */
class PackagedJarIT {

    static final Path JAR = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "quarkus-run.jar").toAbsolutePath();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldTriageFromAnyFolderWithTheBundledRules(@TempDir Path workDir) throws Exception {
        int port = freePort();
        Process app = start(workDir, port, List.of());
        try {
            awaitReady(port, app);
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/triage"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"symptoms\":[{\"code\":\"numbness\",\"onset\":\"sudden\",\"side\":\"right\",\"locations\":[\"arm\"]}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"urgency\":\"emergency_ambulance\""), answer.body());
            assertTrue(answer.body().contains("rules/emergency/stroke.drl"), answer.body());
        } finally {
            stop(app);
        }
    }

    @Test
    void shouldRefuseToStartWithARuleFileThatDoesNotCompile(@TempDir Path workDir) throws Exception {
        Path rules = Files.createDirectories(workDir.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), "package broken;\nrule \"Half a rule\"\n  @source(\"test\")\nwhen\n  Symptom(\nthen\nend\n");
        assertRefusesToStart(workDir, rules, "broken.drl");
    }

    @Test
    void shouldRefuseToStartWithARuleFileThatContributesNoRule(@TempDir Path workDir) throws Exception {
        Path rules = Files.createDirectories(workDir.resolve("rules"));
        Files.writeString(rules.resolve("valid.drl"), "package ok;\nimport dev.triageapi.triage.engine.Symptom;\n"
                + "rule \"A rule\"\n  @source(\"test\")\nwhen\n  Symptom()\nthen\nend\n");
        Files.writeString(rules.resolve("empty.drl"), "package empty;\n// every rule was commented out\n");
        assertRefusesToStart(workDir, rules, "empty.drl: contributes no rule");
    }

    private static void assertRefusesToStart(Path workDir, Path rules, String expectedInLog) throws Exception {
        Process app = start(workDir, freePort(), List.of("-Dtriage.rules.dir=" + rules));
        try {
            assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the service started with broken rules");
            assertNotEquals(0, app.exitValue());
            String log = Files.readString(workDir.resolve("app.log"));
            assertTrue(log.contains(expectedInLog), log);
        } finally {
            stop(app);
        }
    }

    private static Process start(Path workDir, int port, List<String> options) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "package the application first: " + JAR);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.addAll(options);
        command.add("-jar");
        command.add(JAR.toString());
        return new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("app.log").toFile()).start();
    }

    private static void awaitReady(int port, Process app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the service exited with " + app.exitValue());
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s");
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(20, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
