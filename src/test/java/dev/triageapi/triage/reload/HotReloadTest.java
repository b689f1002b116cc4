package dev.triageapi.triage.reload;

import dev.triageapi.triage.rules.RuleSetGate;
import dev.triageapi.triage.vignette.InterviewPremisesGate;
import dev.triageapi.triage.vignette.VignetteGate;
import io.quarkus.arc.All;
import java.util.List;
import dev.triageapi.testing.ClinicRules;
import dev.triageapi.testing.CustomisedClinic;
import dev.triageapi.testing.LogCapture;
import dev.triageapi.triage.rules.ReloadAttempt;
import dev.triageapi.triage.rules.RulesRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules loaded from a folder are swapped in while the service runs, only when they compile, pass every vignette and keep
 * what the interview takes rules to do.
 */
@QuarkusTest
@TestProfile(CustomisedClinic.class)
class HotReloadTest {

    /** The clinic's rule folder, checked every 200 ms. */
    static final Path DIR = CustomisedClinic.RULES;
    static final Path CONSULTATION = DIR.resolve("urgency/consultation.drl");
    static final Path STROKE = DIR.resolve("emergency/stroke.drl");
    static final String KEY = "X-API-Key";
    static final String ORIGINAL_CONSULTATION = read(CONSULTATION);
    static final String ORIGINAL_STROKE = read(STROKE);
    static final String FLOOR_REASON = "A doctor should look for the cause of the reported symptoms.";
    /** The floor rule's reason code, and another reason of the catalog a valid edit can give instead. */
    static final String FLOOR_CODE = "\"cause_to_be_found\"";
    static final String OTHER_CODE = "\"no_pattern_recognised\"";
    static final String OTHER_REASON = "No specific pattern was recognised; a doctor should assess any new muscle complaint.";

    @Inject
    RulesRegistry registry;

    @Inject
    @All
    List<RuleSetGate> gates;

    @AfterEach
    void restore() throws IOException {
        Files.writeString(CONSULTATION, ORIGINAL_CONSULTATION);
        Files.writeString(STROKE, ORIGINAL_STROKE);
        registry.reloadIfChanged();
    }

    @Test
    void shouldSwapInAChangedRuleThatPassesEveryCheck() throws Exception {
        String before = version();
        Files.writeString(CONSULTATION, ORIGINAL_CONSULTATION.replace(FLOOR_CODE, OTHER_CODE));
        awaitVersionChange(before);

        given().header(KEY, CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"twitching\",\"onset\":\"gradual\"}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("rulesVersion", equalTo(version()))
                .body("reasons", hasItem(OTHER_REASON));
        given().header(KEY, CustomisedClinic.FIRST_KEY).when().get("/api/v1/rules").then().body("reload.watching", equalTo(true))
                .body("reload.lastAttempt.accepted", equalTo(true));
    }

    @Test
    void shouldKeepTheOldRulesWhenAChangedFileDoesNotCompile() throws IOException {
        String before = version();
        ReloadAttempt attempt;
        try (LogCapture log = LogCapture.muting()) {
            Files.writeString(CONSULTATION, ORIGINAL_CONSULTATION.replace("when", "whn"));
            attempt = registry.reloadIfChanged().orElseGet(() -> registry.lastAttempt().orElseThrow());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("SEVERE") || l.startsWith("ERROR")), "the rejection is an ERROR");
        }

        assertFalse(attempt.accepted());
        assertTrue(attempt.problems().stream().anyMatch(p -> p.startsWith("rules/urgency/consultation.drl")), attempt.problems().toString());
        assertEquals(before, version(), "the old rules keep answering");
        given().header(KEY, CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"twitching\"}]}")
                .when().post("/api/v1/triage").then().statusCode(200).body("rulesVersion", equalTo(before));
        given().when().get("/q/health")
                .then().statusCode(503)
                .body("checks.find { it.name == 'rules-reload' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'rules-reload' }.data.firstProblem", containsString("consultation.drl"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("triage_rules_reloads_total{result=\"rejected\"}"));
        given().header(KEY, CustomisedClinic.FIRST_KEY).when().get("/api/v1/rules").then().statusCode(200)
                .body("rulesVersion", equalTo(before))
                .body("reload.lastAttempt.accepted", equalTo(false));
    }

    @Test
    void shouldKeepTheOldRulesWhenAChangeBreaksAVignette() throws IOException {
        String before = version();
        // A clinic "softens" the sudden-weakness stroke rule: every sudden-weakness vignette must now fail.
        ReloadAttempt attempt;
        try (LogCapture log = LogCapture.muting()) {
            Files.writeString(STROKE, ORIGINAL_STROKE.replace("insert(redFlag(\"stroke_sudden_one_sided_weakness\", $s));", ""));
            attempt = registry.reloadIfChanged().orElseGet(() -> registry.lastAttempt().orElseThrow());
        }

        assertFalse(attempt.accepted());
        assertNotEquals(before, attempt.candidateVersion());
        assertTrue(attempt.problems().stream().anyMatch(p -> p.startsWith("vignette stroke-") && p.contains("emergency_ambulance")),
                attempt.problems().toString());
        assertEquals(before, version());
        given().header(KEY, CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON)
                .body("{\"symptoms\":[{\"code\":\"muscle_weakness\",\"onset\":\"sudden\",\"side\":\"left\"}]}")
                .when().post("/api/v1/triage").then().statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags.code", hasItem("stroke_sudden_one_sided_weakness"));
    }

    @Test
    void shouldHoldAChangeToTheVignettesBeforeTheInterviewsCostlierPremises() {
        assertEquals(List.of(VignetteGate.class, InterviewPremisesGate.class),
                gates.stream().map(g -> (Class<?>) io.quarkus.arc.ClientProxy.unwrap(g).getClass()).toList());
    }

    @Test
    void shouldKeepTheOldRulesWhenAChangeWouldLetTheInterviewSkipAQuestionThatRaisesTheLevel() throws IOException {
        String before = version();
        // Any symptom at 17 calls an ambulance, and no vignette is of a 17-year-old: they all pass, but the interview
        // tries 16 for the ages 16 and 17 and would never ask the age for this rule. Whichever vignettes the gate samples,
        // each is checked with its age left out, so the break is found in every sample (an earlier version of this test
        // needed a tired woman of child-bearing age in the sample, and failed once a new vignette moved it).
        Path added = DIR.resolve("urgency/seventeen.drl");
        ReloadAttempt attempt;
        try (LogCapture log = LogCapture.muting()) {
            Files.writeString(added, ClinicRules.file(ClinicRules.ambulanceWhen("Any symptom at seventeen calls for an ambulance",
                    "Patient( age == 17 )", "$s : Symptom( present )")));
            attempt = registry.reloadIfChanged().orElseGet(() -> registry.lastAttempt().orElseThrow());
        } finally {
            Files.deleteIfExists(added);
        }

        assertFalse(attempt.accepted());
        assertTrue(attempt.problems().stream().anyMatch(p -> p.startsWith("vignette ") && p.contains("without its age")
                && p.contains("age: at 17 it gets emergency_ambulance")), attempt.problems().toString());
        assertEquals(before, version());
    }

    @Test
    void shouldAnswerEveryRequestFromOneWholeRuleSetWhileRulesAreSwapped() throws Exception {
        String alternative = OTHER_REASON;
        String versionA = version();
        Files.writeString(CONSULTATION, ORIGINAL_CONSULTATION.replace(FLOOR_CODE, OTHER_CODE));
        registry.reloadIfChanged();
        String versionB = version();
        assertNotEquals(versionA, versionB);

        // Two clients keep requests in flight through the swap; more only slow the compile on two cores.
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.atomic.AtomicBoolean swapping = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        for (int c = 0; c < 2; c++) {
            results.add(clients.submit(() -> {
                int answered = 0;
                while (swapping.get()) {
                    io.restassured.response.Response r = given().header(KEY, CustomisedClinic.FIRST_KEY).contentType(ContentType.JSON)
                            .body("{\"symptoms\":[{\"code\":\"twitching\",\"onset\":\"gradual\"}]}").post("/api/v1/triage");
                    String version = r.path("rulesVersion");
                    java.util.List<String> reasons = r.path("reasons");
                    String expected = version.equals(versionA) ? FLOOR_REASON : version.equals(versionB) ? alternative : null;
                    if (r.statusCode() != 200 || expected == null || !reasons.contains(expected)) {
                        return "inconsistent answer: " + version + " " + reasons;
                    }
                    answered++;
                }
                return answered > 0 ? null : "no answer";
            }));
        }
        // The watcher may read a file half-written by these quick rewrites and rightly reject it: keep that off the console.
        try (LogCapture quiet = LogCapture.muting()) {
            // One swap under load, back to the first rule set: each compile takes a few seconds.
            for (int i = 0; i < 1; i++) {
                Files.writeString(CONSULTATION, i % 2 == 0 ? ORIGINAL_CONSULTATION
                        : ORIGINAL_CONSULTATION.replace(FLOOR_CODE, OTHER_CODE));
                registry.reloadIfChanged();
            }
        }
        swapping.set(false);
        clients.shutdown();
        for (java.util.concurrent.Future<String> result : results) {
            assertEquals(null, result.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void shouldSurviveAnOversizedRuleFileAndApplyTheNextValidEdit() throws Exception {
        String before = version();
        Path huge = DIR.resolve("huge.drl");
        try (LogCapture log = LogCapture.muting()) {
            Files.write(huge, new byte[2 * 1024 * 1024]);
            await().atMost(Duration.ofSeconds(20)).until(() -> registry.lastAttempt()
                    .filter(a -> !a.accepted() && a.problems().toString().contains("huge.drl")).isPresent());
            given().when().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'rules-reload' }.data.watching", equalTo(true))
                    .body("checks.find { it.name == 'rules-reload' }.data.firstProblem", containsString("huge.drl"));
            for (int i = 0; i < 5; i++) {
                given().when().get("/q/health/well").then().statusCode(503);
            }
            long errors = log.lines().stream().filter(l -> l.startsWith("SEVERE") || l.startsWith("ERROR")).count();
            assertEquals(1, errors, "one ERROR line for the state change, none per probe: " + log.lines());
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("SRHCK")), log.lines().toString());
        } finally {
            Files.deleteIfExists(huge);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.lastAttempt().map(ReloadAttempt::accepted).orElse(false));
        given().when().get("/q/health/well").then().statusCode(200);
        Files.writeString(CONSULTATION, ORIGINAL_CONSULTATION.replace(FLOOR_CODE, OTHER_CODE));
        awaitVersionChange(before);
    }

    @Test
    void shouldReportHealthFromTheFolderAsItIsNowAfterAReadFailure() throws Exception {
        Path aside = DIR.resolveSibling(DIR.getFileName() + "-aside");
        try (LogCapture log = LogCapture.muting()) {
            Files.move(DIR, aside);
            await().atMost(Duration.ofSeconds(20)).until(() -> registry.lastAttempt()
                    .filter(a -> !a.accepted() && a.candidateVersion() == null).isPresent());
            given().when().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'rules-reload' }.data.firstProblem", containsString("cannot read"));
            assertTrue(log.lines().stream().anyMatch(l -> (l.startsWith("SEVERE") || l.startsWith("ERROR"))
                    && l.contains("cannot be read")), "a read failure is an ERROR line: " + log.lines());
        } finally {
            Files.move(aside, DIR);
        }
        // Restored to exactly what is served: healthy again with no other change.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/well").then().statusCode(200));
    }

    private String version() {
        return registry.current().orElseThrow().version();
    }

    private void awaitVersionChange(String before) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertNotEquals(before, version(),
                "the watcher did not pick up the change; last attempt: " + registry.lastAttempt()));
    }


    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
