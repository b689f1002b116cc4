package dev.triageapi.triage.rules;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiles the top-level {@code rules/} folder exactly as it is on disk, and proves broken rule sets are refused. */
@AlongsideQuarkusTests
class RuleCompilationTest {

    static final Path RULES = Path.of("rules");

    @Test
    void shouldCompileEveryRuleFileWithoutErrors() {
        List<RuleFile> files = RuleSources.fromDirectory(RULES);
        assertFalse(files.isEmpty(), "no DRL found in rules/");
        RuleSet set = RuleCompiler.compile(files);
        for (RuleFile file : files) {
            assertTrue(set.rules().values().stream().anyMatch(r -> r.file().equals(file.path())),
                    file.path() + " contributes no rule");
        }
        set.rules().values().forEach(rule -> {
            assertFalse(rule.source().isBlank(), rule.name());
            assertTrue(rule.line() > 0, "line of " + rule.name());
        });
    }

    @Test
    void shouldRunWhatIfsWithoutTheRulesThatConcludeNoLevelUnlessARuleMatchesTheirConclusions() {
        String suggesting = """
                package rules.test;
                import dev.triageapi.triage.facts.Symptom;
                import function dev.triageapi.triage.facts.Conclusions.suggests;
                import function dev.triageapi.triage.facts.Conclusions.redFlag;
                rule "A headache suggests a migraine"
                    @source("test")
                when
                    $s : Symptom( code == "headache" )
                then
                    insert(suggests("migraine", $s));
                end
                rule "A sudden headache is a red flag"
                    @source("test")
                when
                    $s : Symptom( code == "headache", sudden )
                then
                    insert(redFlag("stroke_sudden_severe_headache", $s));
                end
                """;
        RuleSet pruned = RuleCompiler.compileFromSource(List.of(new RuleFile("rules/test/a.drl", suggesting)));
        assertEquals(1, rulesIn(pruned.levelSessions()), "the suggestion is left out of what-ifs");
        assertEquals(2, rulesIn(pruned.sessions()));
        String matching = """
                package rules.test2;
                import dev.triageapi.triage.facts.CauseFinding;
                import dev.triageapi.triage.facts.Symptom;
                import function dev.triageapi.triage.facts.Conclusions.redFlag;
                rule "A suggested condition with a headache is a red flag"
                    @source("test")
                when
                    CauseFinding()
                    $s : Symptom( code == "headache" )
                then
                    insert(redFlag("stroke_sudden_severe_headache", $s));
                end
                """;
        RuleSet kept = RuleCompiler.compileFromSource(List.of(new RuleFile("rules/test/a.drl", suggesting),
                new RuleFile("rules/test/b.drl", matching)));
        assertEquals(3, rulesIn(kept.levelSessions()), "a rule reads the suggestion, so what-ifs keep it");
    }

    @Test
    void shouldRunAWhatIfAtALevelOnTheRulesThatCanConcludeItOrAHigherOneAndOnThoseTheyRead() {
        String rules = """
                package rules.test;
                import dev.triageapi.triage.facts.CauseFinding;
                import dev.triageapi.triage.facts.Symptom;
                import dev.triageapi.vocabulary.Urgency;
                import function dev.triageapi.triage.facts.Conclusions.suggests;
                import function dev.triageapi.triage.facts.Conclusions.redFlag;
                import function dev.triageapi.triage.facts.Conclusions.atLeast;
                rule "A headache needs a doctor"
                    @source("test")
                when
                    $s : Symptom( code == "headache" )
                then
                    insert(atLeast(Urgency.CONSULTATION, "cause_to_be_found", $s));
                end
                rule "A stiff neck suggests meningitis"
                    @source("test")
                when
                    $s : Symptom( code == "neck_stiffness" )
                then
                    insert(suggests("meningitis", $s));
                end
                rule "A headache with suspected meningitis is a red flag"
                    @source("test")
                when
                    CauseFinding( condition == "meningitis" )
                    $s : Symptom( code == "headache" )
                then
                    insert(redFlag("stroke_sudden_severe_headache", $s));
                end
                """;
        RuleSet set = RuleCompiler.compileFromSource(List.of(new RuleFile("rules/test/a.drl", rules)));
        assertEquals(3, rulesIn(set.levelSessions()));
        assertEquals(2, rulesIn(set.levelSessions(Urgency.EMERGENCY_AMBULANCE)),
                "the consultation is left out, the suggestion the red flag reads is kept");
        assertEquals(2, rulesIn(set.levelSessions(Urgency.CONSULTATION_24)));
    }

    private static int rulesIn(KieSessionsPool pool) {
        KieSession session = pool.newKieSession();
        try {
            return session.getKieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        } finally {
            session.dispose();
        }
    }

    @Test
    void shouldReadTheSameFilesFromTheClasspathAsFromTheFolder() {
        assertEquals(RuleSources.fromDirectory(RULES), RuleSources.fromClasspath(getClass().getClassLoader()));
    }

    @Test
    void shouldRefuseAFileWithASyntaxError() {
        RulesLoadException e = assertThrows(RulesLoadException.class, () -> RuleCompiler.compile(List.of(
                new RuleFile("rules/broken.drl", "package x;\nrule \"half\"\n @source(\"x\")\nwhen\n  Symptom( \nthen\nend\n"))));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("rules/broken.drl")), e.getMessage());
    }

    @Test
    void shouldRefuseAFileThatContributesNoRule() {
        RulesLoadException e = assertThrows(RulesLoadException.class, () -> RuleCompiler.compile(List.of(
                validFile("rules/a.drl", "A rule"),
                new RuleFile("rules/empty.drl", "package rules.empty;\n// nothing here\n"))));
        assertTrue(e.problems().contains("rules/empty.drl: contributes no rule"), e.getMessage());
    }

    @Test
    void shouldRefuseARuleWithoutSource() {
        RulesLoadException e = assertThrows(RulesLoadException.class, () -> RuleCompiler.compile(List.of(
                new RuleFile("rules/a.drl", "package x;\nimport dev.triageapi.triage.facts.Symptom;\n"
                        + "rule \"Unsourced\"\nwhen\n  Symptom()\nthen\nend\n"))));
        assertTrue(e.getMessage().contains("no @source"), e.getMessage());
    }

    @Test
    void shouldRefuseTwoRulesWithOneName() {
        RulesLoadException e = assertThrows(RulesLoadException.class, () -> RuleCompiler.compile(List.of(
                validFile("rules/a.drl", "Same"), validFile("rules/b.drl", "Same"))));
        assertTrue(e.getMessage().contains("also used in"), e.getMessage());
    }

    @Test
    void shouldRefuseAnEmptyRuleSet() {
        assertThrows(RulesLoadException.class, () -> RuleCompiler.compile(List.of()));
    }

    @Test
    void shouldGiveTheSameVersionForTheSameFilesInAnyOrder() {
        RuleFile a = validFile("rules/a.drl", "A");
        RuleFile b = validFile("rules/b.drl", "B");
        assertEquals(RuleCompiler.version(List.of(a, b)), RuleCompiler.version(List.of(b, a)));
        assertFalse(RuleCompiler.version(List.of(a, b)).equals(RuleCompiler.version(List.of(a))));
        assertTrue(RuleCompiler.version(List.of(a)).matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void shouldReadRulesFromAFolderOnDisk(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/x.drl"), validFile("rules/sub/x.drl", "X").content());
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        List<RuleFile> files = RuleSources.fromDirectory(dir);
        assertEquals(List.of("rules/sub/x.drl"), files.stream().map(RuleFile::path).toList());
        assertEquals(1, RuleCompiler.compile(files).rules().size());
    }

    @Test
    void shouldReadAConfigMapVolumeOnceSkippingItsHiddenCopies(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // The layout kubelet gives a ConfigMap volume: visible names are links into a hidden, timestamped folder.
        Path data = Files.createDirectories(dir.resolve("..2026_11_24_05_00_00.123"));
        Files.writeString(data.resolve("stroke.drl"), validFile("rules/stroke.drl", "Stroke").content());
        Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
        Files.createSymbolicLink(dir.resolve("stroke.drl"), Path.of("..data/stroke.drl"));
        List<RuleFile> files = RuleSources.fromDirectory(dir);
        assertEquals(List.of("rules/stroke.drl"), files.stream().map(RuleFile::path).toList());
        assertEquals(1, RuleCompiler.compile(files).rules().size());
    }

    static RuleFile validFile(String path, String ruleName) {
        String pkg = "t." + path.replaceAll("[^a-z]", "");
        return new RuleFile(path, "package " + pkg + ";\nimport dev.triageapi.triage.facts.Symptom;\n"
                + "rule \"" + ruleName + "\"\n  @source(\"test\")\nwhen\n  Symptom( present )\nthen\nend\n");
    }
}
