package dev.triageapi.triage.vignette;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.interview.Interviewer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.triageapi.testing.ClinicRules.ambulanceWhen;
import static dev.triageapi.testing.ClinicRules.alone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A clinic's rules must keep, on every vignette, what the interview takes rules to do before they serve. */
@AlongsideQuarkusTests
class InterviewPremisesGateTest {

    private static final InterviewPremisesGate GATE = new InterviewPremisesGate(Rules.CATALOG,
            new Interviewer(Rules.CATALOG), new TriageEngine(Rules.CATALOG), Integer.MAX_VALUE);

    @Test
    void shouldLetTheBundledRulesServe() {
        assertEquals(List.of(), GATE.problems(Rules.RULES));
    }

    @Test
    void shouldRefuseRulesUnderWhichReportingARiskFactorLowersTheLevelNamingEachVignette() {
        List<String> problems = GATE.problems(alone(ambulanceWhen("Weakness without diabetes calls for an ambulance",
                "$s : Symptom( code == \"muscle_weakness\", present )",
                "not RiskFactor( code == \"diabetes\" )")));
        assertTrue(problems.stream().anyMatch(
                p -> p.matches("vignette [\\w-]+\\.json: riskFactor:diabetes: reporting it lowers emergency_ambulance to \\w+")),
                () -> String.join("\n", problems));
        problems.stream().filter(p -> !p.startsWith("and ")).forEach(p -> assertTrue(p.matches("vignette [\\w-]+\\.json: .+"), p));
    }

    @Test
    void shouldListTheFirstProblemsOnlyWhenRulesBreakAPremiseAlmostEverywhere() {
        List<String> problems = GATE.problems(alone(ambulanceWhen("Anything reported that is not severe calls for an ambulance",
                "$s : Symptom( present, !severe )")));
        assertEquals(InterviewPremisesGate.MAX_PROBLEMS + 1, problems.size(), () -> String.join("\n", problems));
        assertTrue(problems.get(InterviewPremisesGate.MAX_PROBLEMS).matches("and \\d+ more found before the check stopped"),
                problems.get(InterviewPremisesGate.MAX_PROBLEMS));
    }

    /** A rule that throws on some case is refused, saying why. */
    @Test
    void shouldRefuseRulesThatThrowOnAVignette() {
        List<String> problems = GATE.problems(alone("""
                rule "Weakness cited with the patient, who is no evidence"
                    @source("test")
                when
                    $p : Patient()
                    $s : Symptom( code == "muscle_weakness", present )
                then
                    insert(redFlag("stroke_new_one_sided_weakness", $s, $p));
                end
                """));
        assertTrue(problems.get(0).startsWith("the interview's premises could not be checked on these rules: "), problems.get(0));
    }
}
