package dev.triageapi.triage.engine;

import dev.triageapi.triage.engine.RuleRunner.Evaluation;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Urgency;

import java.util.Map;
import java.util.Optional;

/**
 * What-ifs that run only the rules able to decide what is asked. A case expected at a level is first evaluated on the
 * rules that can conclude that level or a higher one (exact when one of them does, evaluated on every level rule when
 * none does); whether a case rises above a level needs only the rules that can conclude a higher one. Whether a case
 * that changes one symptom of the judged case rises above its level runs fewer rules still ({@link OneSymptomPools}):
 * no other rule above that level fired for the judged case, and none can fire now.
 */
final class WhatIfProber implements Prober {

    private final RuleRunner runner;
    private final Verdict verdict;
    private final RuleSet rules;
    /** The case judged on every rule and its level; null for a prober without one. */
    private final TriageCase judged;
    private final Urgency judgedAt;
    /** The judged case's symptoms by code, made once for every what-if about it. */
    private Map<String, Symptom> judgedByCode;
    private int made;

    WhatIfProber(RuleRunner runner, Verdict verdict, RuleSet rules, TriageCase judged, Urgency judgedAt) {
        this.runner = runner;
        this.verdict = verdict;
        this.rules = rules;
        this.judged = judged;
        this.judgedAt = judgedAt;
    }

    @Override
    public Probe level(TriageCase c, Urgency expected) {
        if (rules.levelSessions(expected) != rules.levelSessions()) {
            // When every level rule can conclude the expected level, the first evaluation is the exact one.
            made++;
            Probe found = verdict.highest(runner.runForLevel(rules, c, expected), c);
            if (found != null && found.urgency().compareTo(expected) >= 0) {
                return found;
            }
        }
        made++;
        return verdict.probeOf(runner.runForLevel(rules, c, Urgency.SELF_CARE), c);
    }

    @Override
    public Probe above(TriageCase c, Urgency current) {
        if (current == Urgency.EMERGENCY_AMBULANCE) {
            return Probe.notAbove(current, AnswersRead.of(Map.of()));
        }
        made++;
        if (current == Urgency.SELF_CARE) {
            // Every level rule can conclude something above self-care, and none concluding leaves a consultation.
            Probe p = verdict.probeOf(runner.runForLevel(rules, c, Urgency.SELF_CARE), c);
            return p.urgency().compareTo(current) > 0 ? p : Probe.notAbove(current, p.read());
        }
        Urgency next = Urgency.values()[current.ordinal() + 1];
        Optional<String> code = oneSymptom(c, current);
        Evaluation evaluation = code.flatMap(x -> rules.oneSymptom().narrower(next, x))
                .map(n -> runner.runForOneSymptom(rules, n.sessions(), c, code.get()))
                .orElseGet(() -> runner.runForLevel(rules, c, next));
        Probe found = verdict.highest(evaluation, c);
        return found != null && found.urgency().compareTo(current) > 0 ? found : Probe.notAbove(current, evaluation.read());
    }

    @Override
    public int evaluations() {
        return made;
    }

    /** The one symptom this case changes in the judged one, when asked whether it rises above the judged level. */
    private Optional<String> oneSymptom(TriageCase c, Urgency from) {
        if (judged == null || from != judgedAt) {
            return Optional.empty();
        }
        if (judgedByCode == null) {
            judgedByCode = TriageCase.symptomsByCode(judged.symptoms());
        }
        return c.onlySymptomChangedFrom(judged, judgedByCode);
    }
}
