package dev.triageapi.packaging;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.testing.Folders;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What src/main/docker/Dockerfile.jvm does, on this machine's Java 25: {@code scripts/aot-cache.sh} makes the AOT
 * cache from the service's own warm-up, and the service starts with it ({@code -XX:AOTMode=on} makes a cache the JVM
 * cannot use a start-up error, not a silently slower start) and triages. Skipped where no JDK 25 or later is found
 * ({@code JAVA25_HOME}, or under {@code /usr/lib/jvm}).
 */
@AlongsideQuarkusTests
class AotCacheIT {

    private static final Path OPTIONS = Path.of("src/main/jvm/jvm.options").toAbsolutePath();
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    @Test
    void shouldStartWithTheAotCacheItsTrainingRunMade(@TempDir Path dir) throws Exception {
        Path java = jdk25().map(home -> home.resolve("bin/java")).orElse(null);
        Assumptions.assumeTrue(java != null, "no JDK 25 or later here: set JAVA25_HOME");
        Path app = dir.resolve("quarkus-app");
        Folders.copy(RunningJar.JAR.getParent(), app);
        Files.deleteIfExists(app.resolve("app-cds.jsa"));

        ProcessBuilder script = new ProcessBuilder("sh", "scripts/aot-cache.sh", app.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("training.log").toFile());
        script.environment().put("JAVA", java.toString());
        script.environment().put("JVM_OPTIONS", OPTIONS.toString());
        script.environment().put("PORT", Integer.toString(freePort()));
        // A small warm-up sample: what is tested is that the training run's cache starts the service, not its extent.
        script.environment().put("JAVA_TOOL_OPTIONS", "-Dtriage.warm-up.vignettes=4");
        Process training = script.start();
        assertTrue(training.waitFor(120, TimeUnit.SECONDS), "the training run did not end");
        assertEquals(0, training.exitValue(), Files.readString(dir.resolve("training.log")));
        assertTrue(Files.size(app.resolve("app.aot")) > 1_000_000, "no AOT cache");

        try (RunningJar service = RunningJar.startIn(app, java.toString(), dir, "@" + OPTIONS,
                "-XX:AOTMode=on", "-XX:AOTCache=app.aot")
                .awaitReady()) {
            HttpResponse<String> answer = service.postTriage(
                    "{\"symptoms\":[{\"code\":\"numbness\",\"onset\":\"sudden\",\"side\":\"right\",\"locations\":[\"arm\"]}]}");
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"urgency\":\"emergency_ambulance\""), answer.body());
            assertTrue(answer.body().contains("\"disclaimer\""), answer.body());
        }
    }

    /** A JDK of version 25 or later: {@code JAVA25_HOME}, else the newest under {@code /usr/lib/jvm}. */
    static Optional<Path> jdk25() throws IOException {
        String named = System.getenv("JAVA25_HOME");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(home -> version(home) >= 25);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> version(home) >= 25 && Files.isExecutable(home.resolve("bin/java")))
                    .max(Comparator.comparingInt(AotCacheIT::version));
        }
    }

    private static int version(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
