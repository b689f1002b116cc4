package dev.triageapi.packaging;

import dev.triageapi.testing.AlongsideQuarkusTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the packaged application the way an operator does, {@code java -jar target/quarkus-app/quarkus-run.jar},
 * from an unrelated folder: the bundled rules must come along, and broken rules must stop it from starting.
 *
 * <p>The two tests that only read a running service share one start of it (as an operator runs it, warm-up on, with
 * JSON logs switched on): a start costs several seconds of the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AlongsideQuarkusTests
class PackagedJarIT {

    private RunningJar elsewhere;

    @BeforeAll
    void startFromAnotherFolder(@TempDir Path workDir) throws Exception {
        // Warm-up on, as an operator runs it, with a small sample (WarmupTest holds what warm-up sends).
        elsewhere = RunningJar.start(workDir, "-Dquarkus.log.console.json.enabled=true", "-Dtriage.warm-up.vignettes=4")
                .awaitReady();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (elsewhere != null) {
            elsewhere.close();
        }
    }

    @Test
    void shouldTriageFromAnyFolderWithTheBundledRules() throws Exception {
        assertCallsAnAmbulanceForASuddenNumbArm(elsewhere);
    }

    private static void assertCallsAnAmbulanceForASuddenNumbArm(RunningJar app) throws Exception {
        HttpResponse<String> answer = app.postTriage(
                "{\"symptoms\":[{\"code\":\"numbness\",\"onset\":\"sudden\",\"side\":\"right\",\"locations\":[\"arm\"]}]}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"urgency\":\"emergency_ambulance\""), answer.body());
        assertTrue(answer.body().contains("rules/emergency/stroke.drl"), answer.body());
    }

    @Test
    void shouldStartAsTheImageDoesWithTheClassDataArchiveAndTheExecutableModel(@TempDir Path logDir) throws Exception {
        try (RunningJar app = RunningJar.startWithClassDataArchive(logDir).awaitReady()) {
            assertCallsAnAmbulanceForASuddenNumbArm(app);
            String log = java.nio.file.Files.readString(app.log);
            assertTrue(!log.contains("compiling the rules from source"), "the executable model was not used:\n" + log);
        }
    }

    @Test
    void shouldWriteJsonLogsWithTheRequestIdWhenSwitchedOn() throws Exception {
        RunningJar app = elsewhere;
        assertEquals(200, app.postTriage("{\"age\":44,\"symptoms\":[{\"code\":\"salt_craving\"}]}").statusCode());
        String line = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> Files.readAllLines(app.log).stream()
                        .filter(l -> l.startsWith("{") && l.contains("dev.triageapi.access") && l.contains("method=POST"))
                        .findFirst().orElse(null),
                java.util.Objects::nonNull);
        com.fasterxml.jackson.databind.JsonNode access = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertTrue(access.path("mdc").path("requestId").asText().length() >= 8, access.toString());
        assertTrue(access.path("message").asText().contains("status=200"), access.toString());
        assertTrue(!Files.readString(app.log).contains("salt_craving"), "a symptom was logged");
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
        Files.writeString(rules.resolve("valid.drl"), "package ok;\nimport dev.triageapi.triage.facts.Symptom;\n"
                + "rule \"A rule\"\n  @source(\"test\")\nwhen\n  Symptom()\nthen\nend\n");
        Files.writeString(rules.resolve("empty.drl"), "package empty;\n// every rule was commented out\n");
        assertRefusesToStart(workDir, rules, "empty.drl: contributes no rule");
    }

    @Test
    void shouldRefuseToStartWithARequestLimitTheContractDoesNotAllow(@TempDir Path workDir) throws Exception {
        try (RunningJar app = RunningJar.start(workDir, "-Dtriage.api.max-symptoms=51")) {
            assertTrue(app.process.waitFor(60, TimeUnit.SECONDS), "the service started allowing 51 symptoms");
            assertNotEquals(0, app.process.exitValue());
            String log = Files.readString(app.log);
            assertTrue(log.contains("triage.api.max-symptoms must be between 1 and 50, is 51"), log);
        }
    }

    private static void assertRefusesToStart(Path workDir, Path rules, String expectedInLog) throws Exception {
        try (RunningJar app = RunningJar.start(workDir, "-Dtriage.rules.dir=" + rules)) {
            assertTrue(app.process.waitFor(60, TimeUnit.SECONDS), "the service started with broken rules");
            assertNotEquals(0, app.process.exitValue());
            String log = Files.readString(app.log);
            assertTrue(log.contains(expectedInLog), log);
        }
    }
}
