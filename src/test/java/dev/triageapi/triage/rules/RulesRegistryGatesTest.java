package dev.triageapi.triage.rules;

import dev.triageapi.observability.TriageMetrics;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.testing.Folders;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.Rules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder's rules are held to every gate before they serve, unless the folder holds the bundled rules unchanged (a
 * ConfigMap of the shipped rules), which the build holds to them: a replica then starts without running them again.
 */
@AlongsideQuarkusTests
class RulesRegistryGatesTest {

    /** A gate that records the versions it checked and finds what it is told to. */
    private static final class RecordingGate implements RuleSetGate {
        final List<String> checked = new ArrayList<>();
        final List<String> problems;

        RecordingGate(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public List<String> problems(RuleSet candidate) {
            checked.add(candidate.version());
            return problems;
        }
    }

    private static RulesRegistry registry(Path dir, RuleSetGate gate) {
        return new RulesRegistry(RulesWatcherTest.folder(dir), Rules.CATALOG, new TriageMetrics(new SimpleMeterRegistry()), List.of(gate));
    }

    /** A copy of the bundled rules with one rule's reason changed: adapted rules, with another version. */
    private static Path adapted() throws IOException {
        Path dir = Folders.copy(Path.of("rules"), Files.createTempDirectory("adapted-rules"));
        Path consultation = dir.resolve("urgency/consultation.drl");
        Files.writeString(consultation, Files.readString(consultation).replace("\"cause_to_be_found\"", "\"no_pattern_recognised\""));
        return dir;
    }

    @Test
    void shouldNotHoldAFolderOfTheBundledRulesUnchangedToTheGatesAgain() throws IOException {
        RecordingGate gate = new RecordingGate(List.of("must not be asked"));
        Path copy = Folders.copy(Path.of("rules"), Files.createTempDirectory("shipped-rules"));
        RuleSet loaded = registry(copy, gate).load();
        assertEquals(List.of(), gate.checked);
        assertEquals(Rules.RULES.version(), loaded.version());
    }

    @Test
    void shouldHoldAdaptedRulesToEveryGate() throws IOException {
        RecordingGate passing = new RecordingGate(List.of());
        RuleSet loaded = registry(adapted(), passing).load();
        assertEquals(List.of(loaded.version()), passing.checked);

        RecordingGate refusing = new RecordingGate(List.of("vignette x.json: something"));
        RulesLoadException refused = assertThrows(RulesLoadException.class, () -> registry(adapted(), refusing).load());
        assertTrue(refused.problems().contains("vignette x.json: something"), refused.problems().toString());
    }

    @Test
    void shouldStopAtTheFirstGateThatFindsAProblem() throws IOException {
        RecordingGate refusing = new RecordingGate(List.of("vignette x.json: something"));
        RecordingGate costlier = new RecordingGate(List.of());
        RulesRegistry registry = new RulesRegistry(RulesWatcherTest.folder(adapted()), Rules.CATALOG,
                new TriageMetrics(new SimpleMeterRegistry()), List.of(refusing, costlier));
        assertThrows(RulesLoadException.class, registry::load);
        assertEquals(1, refusing.checked.size());
        assertEquals(List.of(), costlier.checked);
    }
}
