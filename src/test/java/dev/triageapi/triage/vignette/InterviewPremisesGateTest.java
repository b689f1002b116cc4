package dev.triageapi.triage.vignette;

import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.interview.Interviewer;
import dev.triageapi.triage.rules.RuleCompiler;
import dev.triageapi.triage.rules.RuleSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A clinic's rules must keep, on every vignette, what the interview takes rules to do before they serve. */
class InterviewPremisesGateTest {

    private static final InterviewPremisesGate GATE = new InterviewPremisesGate(Rules.CATALOG,
            new Interviewer(Rules.CATALOG), new TriageEngine(Rules.CATALOG), Integer.MAX_VALUE);

    @Test
    void shouldLetTheBundledRulesServe() {
        assertEquals(List.of(), GATE.problems(Rules.RULES));
    }

    @Test
    void shouldRefuseRulesUnderWhichReportingARiskFactorLowersTheLevelNamingEachVignette() {
        List<String> problems = GATE.problems(bundledAnd("""
                rule "Weakness without diabetes calls for an ambulance"
                    @source("test")
                when
                    $s : Symptom( code == "muscle_weakness", present )
                    not RiskFactor( code == "diabetes" )
                then
                    insert(redFlag("stroke_new_one_sided_weakness", $s));
                end
                """));
        assertFalse(problems.isEmpty());
        problems.forEach(p -> assertTrue(p.matches("vignette [\\w-]+\\.json: riskFactor:diabetes: reporting it lowers emergency_ambulance to \\w+"), p));
    }

    @Test
    void shouldListTheFirstProblemsOnlyWhenRulesBreakAPremiseAlmostEverywhere() {
        List<String> problems = GATE.problems(bundledAnd("""
                rule "Anything reported that is not severe calls for an ambulance"
                    @source("test")
                when
                    $s : Symptom( present, !severe )
                then
                    insert(redFlag("stroke_new_one_sided_weakness", $s));
                end
                """));
        assertEquals(InterviewPremisesGate.MAX_PROBLEMS + 1, problems.size(), () -> String.join("\n", problems));
        assertTrue(problems.get(InterviewPremisesGate.MAX_PROBLEMS).matches("and \\d+ more found before the check stopped"),
                problems.get(InterviewPremisesGate.MAX_PROBLEMS));
    }

    private static RuleSet bundledAnd(String rules) {
        List<RuleFile> files = new ArrayList<>(RuleSources.fromDirectory(Path.of("rules")));
        files.add(new RuleFile("rules/clinic/added.drl", """
                package rules.clinic;
                import dev.triageapi.triage.facts.RiskFactor;
                import dev.triageapi.triage.facts.Symptom;
                import function dev.triageapi.triage.facts.Conclusions.redFlag;
                """ + rules));
        return RuleCompiler.compileFromSource(files);
    }
}
