package dev.triageapi.packaging;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** The packaged application started as an operator starts it, on a free loopback port, from a given folder. */
final class RunningJar implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "quarkus-run.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    private static final String CURRENT_JAVA = ProcessHandle.current().info().command().orElse("java");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * For a test about something else than the warm-up: it sends about 50 requests (2 s on two cores) before the service
     * reports ready. PackagedJarIT's start from any folder and AotCacheIT's training run keep it, as the image runs it.
     */
    static final String NO_WARM_UP = "-Dtriage.warm-up.enabled=false";

    final Process process;
    final Path log;
    private volatile int port;

    private RunningJar(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar on port 0: the service binds a free port itself and names it in its start-up line, so no port is
     * chosen here and then taken by someone else before the service binds it.
     */
    static RunningJar start(Path workDir, String... options) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("package the application first: " + JAR);
        }
        return launch(CURRENT_JAVA, workDir, workDir, JAR.toString(), options);
    }

    /**
     * Starts the jar as the container image and docs/deployment.md do: in its own folder, named relatively, with the
     * build's class-data archive; {@code -Xshare:on} makes an archive the JVM cannot use a start-up error, not a silent
     * slow start. The log goes to {@code logDir}.
     */
    static RunningJar startWithClassDataArchive(Path logDir) throws IOException {
        return startIn(JAR.getParent(), CURRENT_JAVA, logDir, "-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:on", NO_WARM_UP);
    }

    /** Starts {@code quarkus-run.jar} in {@code appDir}, named relatively, with that {@code java} and these options. */
    static RunningJar startIn(Path appDir, String java, Path logDir, String... options) throws IOException {
        return launch(java, appDir, logDir, "quarkus-run.jar", options);
    }

    private static RunningJar launch(String java, Path dir, Path logDir, String jar, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", jar));
        Path log = logDir.resolve("app.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RunningJar(process, log);
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    RunningJar awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(this::ready);
        return this;
    }

    private boolean answersReadiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean ready() throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + Files.readString(log));
        }
        if (port == 0) {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (!listening.find()) {
                return false;
            }
            port = Integer.parseInt(listening.group(1));
        }
        return answersReadiness();
    }

    HttpResponse<String> postTriage(String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/triage"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
