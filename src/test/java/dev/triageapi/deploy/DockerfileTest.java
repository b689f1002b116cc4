package dev.triageapi.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JVM container image: unprivileged, health-checked, and built only from the packaged application. */
class DockerfileTest {

    static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");

    @Test
    void shouldRunAsAnUnprivilegedUserWithAHealthCheck() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE).stream().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        String last = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("");
        assertTrue(last.equals("USER 185"), "the final USER must be the unprivileged 185, was: " + last);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("HEALTHCHECK") ), "no HEALTHCHECK");
        assertTrue(String.join("\n", lines).contains("/q/health/live"), "the health check must use the liveness endpoint");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY") && l.contains("target/quarkus-app/app/")));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("RUN")), "the image copies the build; it installs and downloads nothing");
    }
}
