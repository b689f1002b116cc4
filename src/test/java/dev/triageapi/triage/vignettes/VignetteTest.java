package dev.triageapi.triage.vignettes;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.vignette.Vignette;
import dev.triageapi.triage.vignette.VignetteSuite;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs every JSON vignette under {@code src/test/resources/vignettes/} through the rules, without HTTP. */
@AlongsideQuarkusTests
class VignetteTest {

    static final Path DIR = Path.of("src/test/resources/vignettes");
    static final RequestMapper REQUESTS = new RequestMapper(Rules.CATALOG, 50);
    private static final TriageEngine ENGINE = new TriageEngine(Rules.CATALOG);

    static Stream<Path> vignettes() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void shouldTriageVignetteAsExpected(Path file) throws IOException {
        Vignette v = VignetteSuite.parse(file.toString(), Files.readString(file));
        assertNotNull(v.expect(), file + " has no expect");
        TriageCase c = REQUESTS.toCase(VignetteSuite.request(v));
        Assessment a = Rules.assess(c);
        // What-if evaluations reach the level without the rest of the verdict; it must be this level.
        assertEquals(a.urgency(), ENGINE.probe(Rules.RULES, c).urgency(), "the level of a what-if evaluation");
        List<String> problems = v.problems(a);
        if (!problems.isEmpty()) {
            fail(v.name() + " (" + file.getFileName() + "): " + String.join("; ", problems)
                    + "\n  got urgency=" + a.urgency().code() + " flags=" + Rules.redFlagCodes(a)
                    + " conditions=" + Rules.conditionCodes(a)
                    + " followUps=" + a.followUps().stream().map(q -> q.symptom() + "." + q.modifier()).toList());
        }
    }

    @Test
    void shouldBundleEveryVignetteAndPassThemAllThroughTheSuite() throws IOException {
        VignetteSuite bundled = VignetteSuite.bundled();
        assertEquals(vignettes().count(), bundled.size());
        assertEquals(Map.of(), bundled.failures(Rules.RULES, ENGINE, REQUESTS));
    }

    @Test
    void shouldHaveAVignetteForEveryRedFlagAndCondition() throws IOException {
        List<String> text = new ArrayList<>();
        for (Path p : vignettes().toList()) {
            text.add(Files.readString(p));
        }
        String all = String.join("\n", text);
        Rules.CATALOG.redFlags().forEach(f -> assertTrue(all.contains("\"" + f.code() + "\""), "no vignette expects red flag " + f.code()));
        Rules.CATALOG.causeGroups().forEach(g -> g.conditions().forEach(c ->
                assertTrue(all.contains("\"" + c.code() + "\""), "no vignette expects condition " + c.code())));
        Rules.CATALOG.selfCarePathways().forEach(p ->
                assertTrue(all.contains("\"selfCare\": \"" + p.code() + "\""), "no vignette reaches self-care pathway " + p.code()));
        Rules.CATALOG.symptoms().forEach(s -> assertTrue(all.contains("\"" + s.code() + "\""), "no vignette reports symptom " + s.code()));
        Rules.CATALOG.riskFactors().forEach(r -> assertTrue(all.contains("\"" + r.code() + "\""), "no vignette names risk factor " + r.code()));
        for (String field : List.of("respiratoryRate", "oxygenSaturation", "onSupplementalOxygen", "systolicBloodPressure",
                "heartRate", "temperature", "consciousness", "bloodGlucose", "absentRiskFactors", "spread", "trigger", "resolved")) {
            assertTrue(all.contains("\"" + field + "\""), "no vignette uses " + field);
        }
        assertTrue(text.size() >= 250, "only " + text.size() + " vignettes");
        for (Urgency level : Urgency.values()) {
            assertTrue(all.contains("\"urgency\": \"" + level.code() + "\""), "no vignette with exact urgency " + level.code());
        }
    }
}
