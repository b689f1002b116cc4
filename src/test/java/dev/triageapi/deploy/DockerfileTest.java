package dev.triageapi.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container images: unprivileged, health-checked, built only from the packaged application, with our JVM options.
 * The default is Java 25 with an AOT cache; the Java 17 one, with a class-data archive, is the fallback.
 */
class DockerfileTest {

    static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    static final Path DOCKERFILE_17 = Path.of("src/main/docker/Dockerfile.jvm17");
    static final Path JVM_OPTIONS = Path.of("src/main/jvm/jvm.options");

    @Test
    void shouldRunAsAnUnprivilegedUserWithAHealthCheck() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE_17).stream().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        String last = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("");
        assertTrue(last.equals("USER 185"), "the final USER must be the unprivileged 185, was: " + last);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("HEALTHCHECK") ), "no HEALTHCHECK");
        assertTrue(String.join("\n", lines).contains("/q/health/live"), "the health check must use the liveness endpoint");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY") && l.contains("target/quarkus-app/app/")));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("RUN")), "the image copies the build; it installs and downloads nothing");
    }

    /** The archive records the class path as the build ran it: the image must run the same relative jar from its folder. */
    @Test
    void shouldStartFromTheApplicationFolderSoThatTheClassDataArchiveIsUsed() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE_17);
        assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/app-cds.jsa /deployments/app-cds.jsa"));
        assertTrue(dockerfile.contains("WORKDIR /deployments"));
        assertTrue(dockerfile.contains("\"-XX:SharedArchiveFile=app-cds.jsa\""));
        assertTrue(dockerfile.contains("\"-jar\", \"quarkus-run.jar\""), "the jar named relatively, as the archive recorded it");
        assertFalse(dockerfile.contains("/deployments/quarkus-run.jar"), "an absolute jar path makes the JVM ignore the archive");
    }

    @Test
    void shouldRunWithTheProjectsJvmOptionsWhichTheJvmAccepts() throws IOException, InterruptedException {
        String dockerfile = Files.readString(DOCKERFILE_17);
        assertTrue(dockerfile.contains("COPY --chown=185 " + JVM_OPTIONS + " /deployments/jvm.options"));
        assertTrue(dockerfile.contains("\"@/deployments/jvm.options\""), "the entry point must read the options file");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "@" + JVM_OPTIONS, "-version").redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes());
        assertEquals(0, jvm.waitFor(), "the JVM refuses " + JVM_OPTIONS + ": " + output);
    }

    /** The default, Java 25 image: the same application, user and health check, and only its training run added. */
    @Test
    void shouldBuildTheJava25ImageFromTheSameApplicationWithItsTrainingRun() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE).stream().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        List<String> copies17 = Files.readAllLines(DOCKERFILE_17).stream().filter(l -> l.startsWith("COPY"))
                .filter(l -> !l.contains("app-cds.jsa")).toList();
        assertTrue(lines.containsAll(copies17), "the Java 25 image must copy what the Java 17 image copies");
        assertEquals("USER 185", lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse(""));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("HEALTHCHECK")), "no HEALTHCHECK");
        assertTrue(String.join("\n", lines).contains("/q/health/live"), "the health check must use the liveness endpoint");
        assertEquals(List.of("RUN JVM_OPTIONS=/deployments/jvm.options sh /tmp/aot-cache.sh /deployments"),
                lines.stream().filter(l -> l.startsWith("RUN")).toList(), "the one RUN is the training, with the service's options");
        String dockerfile = String.join("\n", lines);
        assertTrue(dockerfile.contains("COPY --chown=185 scripts/aot-cache.sh /tmp/aot-cache.sh"));
        assertTrue(dockerfile.contains("WORKDIR /deployments"));
        assertTrue(dockerfile.contains("\"-XX:AOTCache=app.aot\""));
        assertTrue(dockerfile.contains("\"-jar\", \"quarkus-run.jar\""), "the jar named relatively, as the cache recorded it");
        assertTrue(dockerfile.contains("\"@/deployments/jvm.options\""), "the entry point must read the options file");
        assertTrue(Files.isExecutable(Path.of("scripts/aot-cache.sh")));
    }
}
