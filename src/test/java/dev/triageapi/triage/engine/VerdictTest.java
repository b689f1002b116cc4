package dev.triageapi.triage.engine;

import dev.triageapi.triage.engine.RuleRunner.Attributed;
import dev.triageapi.triage.engine.RuleRunner.Evaluation;
import dev.triageapi.triage.facts.CauseFinding;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RedFlag;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.UrgencyFinding;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdict on findings, without Drools: the highest level wins in Java, whatever order the findings came in. */
class VerdictTest {

    private static final Verdict VERDICT = new Verdict(Rules.CATALOG);
    private static final TriageCase CASE = new TriageCase(new Patient(40, null, null), List.of(), List.of());

    private static RuleInfo rule(String file, int line) {
        return new RuleInfo("rule at " + file + ":" + line, file, line, "a source", List.of(), List.of(), List.of(), false,
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void shouldGiveTheHighestLevelToTheFirstRuleThatReachedItInAnyOrderOfFindings() {
        List<Attributed> findings = new ArrayList<>(List.of(
                new Attributed(new UrgencyFinding(Urgency.CONSULTATION, "cause_to_be_found", List.of("fatigue")), rule("b.drl", 3)),
                new Attributed(new RedFlag("stroke_sudden_one_sided_weakness", List.of("muscle_weakness")), rule("a.drl", 9)),
                new Attributed(new CauseFinding("stroke", List.of("muscle_weakness")), rule("c.drl", 1))));
        for (int i = 0; i < 4; i++) {
            Collections.rotate(findings, 1);
            Assessment a = VERDICT.of(new Evaluation(List.copyOf(findings), List.of(), AnswersRead.EVERY), CASE, "v");
            assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
            assertEquals("a.drl", a.decidedBy().file());
            assertEquals("stroke_sudden_one_sided_weakness", a.redFlags().get(0).definition().code());
            assertEquals(List.of("neurological"), a.causeGroups().stream().map(g -> g.group().code()).toList());
        }
    }

    @Test
    void shouldGiveATieToTheRuleWrittenFirst() {
        List<Attributed> findings = new ArrayList<>(List.of(
                new Attributed(new RedFlag("stroke_sudden_one_sided_weakness", List.of("muscle_weakness")), rule("b.drl", 1)),
                new Attributed(new RedFlag("stroke_sudden_confusion_or_speech_trouble", List.of("confusion")), rule("a.drl", 40)),
                new Attributed(new RedFlag("stroke_sudden_one_sided_weakness", List.of("numbness")), rule("a.drl", 7))));
        for (int i = 0; i < 3; i++) {
            Collections.rotate(findings, 1);
            Assessment a = VERDICT.of(new Evaluation(List.copyOf(findings), List.of(), AnswersRead.EVERY), CASE, "v");
            assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
            assertEquals("a.drl:7", a.decidedBy().file() + ":" + a.decidedBy().line(), "the same level: the earlier rule decides");
            assertEquals(List.of("muscle_weakness", "numbness"), a.redFlags().stream()
                    .filter(f -> f.definition().code().equals("stroke_sudden_one_sided_weakness")).findFirst().orElseThrow().evidence());
        }
    }

    @Test
    void shouldNeverReassureWhenNoRuleGaveALevel() {
        Assessment a = VERDICT.of(new Evaluation(List.of(), List.of(), AnswersRead.EVERY), CASE, "v");
        assertEquals(Urgency.CONSULTATION, a.urgency());
        assertTrue(a.reasons().size() == 1 && !a.reasons().get(0).isBlank(), a.reasons().toString());
    }
}
