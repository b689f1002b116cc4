package dev.triageapi.triage.rules;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A misspelt code compiles and never fires: every symptom and risk factor code a rule's conditions name, and every
 * answer its questions ask for, must be the catalog's, or the rule set is refused (at start and on reload alike,
 * since both go through {@link RuleSetCheck}).
 */
@AlongsideQuarkusTests
class RuleVocabularyTest {

    static final Catalog CATALOG = Catalog.load();

    static List<String> problems(String rules) {
        RuleSet set = RuleCompiler.compile(List.of(new RuleFile("rules/typo.drl", rules)));
        return RuleSetCheck.againstCatalog(set, CATALOG);
    }

    static final String HEAD = "package rules.typo;\nimport dev.triageapi.vocabulary.Urgency;\nimport dev.triageapi.triage.facts.Symptom;\n"
            + "import function dev.triageapi.triage.facts.Conclusions.ask;\nimport function dev.triageapi.triage.facts.Conclusions.atLeast;\n";

    @Test
    void shouldAcceptTheBundledRules() {
        RuleSet set = RuleCompiler.compile(RuleSources.fromDirectory(Path.of("rules")));
        assertEquals(List.of(), RuleSetCheck.againstCatalog(set, CATALOG));
        assertTrue(set.rules().values().stream().mapToInt(r -> r.codes().size()).sum() > 100, "codes are read from the rules");
    }

    @Test
    void shouldRefuseASymptomCodeTheCatalogDoesNotHave() {
        List<String> problems = problems(HEAD + "rule \"Tiredness\"\n @source(\"x\")\nwhen\n  $s : Symptom( code == \"fatige\", present )\n"
                + "then\n  insert(atLeast(Urgency.CONSULTATION, \"cause_to_be_found\", $s));\nend\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("rules/typo.drl:6: rule \"Tiredness\" names 'fatige'"), problems.get(0));
    }

    @Test
    void shouldRefuseAMisspeltCodeInAListAcrossLinesButNotInAComment() {
        List<String> problems = problems(HEAD + "rule \"Weakness\"\n @source(\"x\")\nwhen\n  // code == \"not_a_code\"\n"
                + "  $s : Symptom( code in (\"muscle_weakness\",\n      \"numbnes\"), present )\n"
                + "then\n  insert(atLeast(Urgency.CONSULTATION, \"cause_to_be_found\", $s));\nend\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'numbnes'"), problems.get(0));
    }

    /** The conclusions are read however they are spaced or qualified: a red flag or reason unknown to the catalog is refused. */
    @Test
    void shouldRefuseAnUnknownRedFlagOrReasonWrittenWithSpacesOrAQualifiedLevel() {
        List<String> problems = problems(HEAD + "import function dev.triageapi.triage.facts.Conclusions.redFlag;\n"
                + "rule \"Spaced\"\n @source(\"x\")\nwhen\n  $s : Symptom( code == \"numbness\", present )\n"
                + "then\n  insert(redFlag (\"no_such_flag\", $s));\n"
                + "  insert(atLeast( dev.triageapi.vocabulary.Urgency.CONSULTATION , \"no_such_reason\", $s));\nend\n");
        assertTrue(problems.stream().anyMatch(p -> p.contains("no_such_flag")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("no_such_reason")), problems.toString());
    }

    @Test
    void shouldRefuseAReasonTheCatalogDoesNotWord() {
        List<String> problems = problems(HEAD + "rule \"Reason\"\n @source(\"x\")\nwhen\n  $s : Symptom( code == \"numbness\", present )\n"
                + "then\n  insert(atLeast(Urgency.CONSULTATION, \"A doctor should look at it.\", $s));\nend\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("gives reason 'A doctor should look at it.'"), problems.get(0));
    }

    @Test
    void shouldRefuseAMisspeltTriggerAndAnUnknownSelfCarePathway() {
        List<String> problems = problems(HEAD + "import function dev.triageapi.triage.facts.Conclusions.selfCare;\n"
                + "rule \"Soreness\"\n @source(\"x\")\nwhen\n  $s : Symptom( code == \"muscle_pain\", present, triggeredBy(\"excercise\") )\n"
                + "then\n  insert(selfCare(\"gym_soreness\", $s));\nend\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("recognises self-care pathway 'gym_soreness'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'trigger=excercise'")), problems.toString());
    }

    @Test
    void shouldRefuseAQuestionForAnAnswerNoModifierHas() {
        List<String> problems = new ArrayList<>(problems(HEAD + "rule \"Ask\"\n @source(\"x\")\nwhen\n  $s : Symptom( code == \"numbness\", present )\n"
                + "then\n  insert(ask($s, \"onset\", \"abrupt\", Urgency.EMERGENCY, null));\nend\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'onset=abrupt'"), problems.get(0));
        assertTrue(RuleSetCheck.isAnswer("onset=sudden"));
        assertTrue(RuleSetCheck.isAnswer("hoursSinceOnset=24"));
        assertTrue(RuleSetCheck.isAnswer("status=present"));
        assertTrue(!RuleSetCheck.isAnswer("onsett=sudden"));
    }

    @Test
    void shouldNotLoadARulesFolderWithATypo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (RuleFile file : RuleSources.fromDirectory(Path.of("rules"))) {
            Path target = dir.resolve(file.path().replaceFirst("^rules/", ""));
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content());
        }
        Path stroke = dir.resolve("emergency/stroke.drl");
        Files.writeString(stroke, Files.readString(stroke).replaceFirst("\"headache\"", "\"headach\"")
                .replaceFirst("inGroup\\(\"focal_deficits\"\\)", "inGroup(\"focal_deficit\")"));
        RuleSet set = RuleCompiler.compile(RuleSources.fromDirectory(dir));
        List<String> problems = RuleSetCheck.againstCatalog(set, CATALOG);
        assertTrue(problems.stream().anyMatch(p -> p.contains("'headach'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("symptom group 'focal_deficit'")), problems.toString());
    }
}
