package dev.triageapi.triage.engine;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Urgency;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Triages a case with a rule set: runs the rules ({@link RuleRunner}), reaches the verdict ({@link Verdict}) and makes
 * every question's promise exact by evaluating the case so answered ({@link WhatIfs}).
 */
@Singleton
public final class TriageEngine {

    private final RuleRunner runner;
    private final Verdict verdict;

    public TriageEngine(Catalog catalog) {
        this.runner = new RuleRunner(catalog);
        this.verdict = new Verdict(catalog);
    }

    /**
     * The assessment of a case. Each follow-up question's {@code couldRaiseTo} is the level the case gets when that
     * answer is given and nothing else changes, found by evaluating the case so answered: a rule's own claim could
     * understate it (an answer marked "emergency" may well give "emergency_ambulance"). A question whose answer would
     * not raise the level is not asked.
     */
    public Assessment assess(RuleSet rules, TriageCase triageCase) {
        return assess(rules, triageCase, true);
    }

    /** The assessment, with the firing trace only when {@code withTrace} (it costs a listener call per firing). */
    public Assessment assess(RuleSet rules, TriageCase triageCase, boolean withTrace) {
        Assessment first = evaluate(rules, triageCase, withTrace);
        if (first.followUps().isEmpty() && first.screenQuestions().isEmpty()) {
            return first;
        }
        Prober whatIf = prober(rules, triageCase, first.urgency());
        List<FollowUp> exact = WhatIfs.raising(triageCase, first, answered -> whatIf.above(answered, first.urgency()).urgency());
        exact.sort(verdict.questionOrder());
        return new Assessment(first.urgency(), first.decidedBy(), first.redFlags(), first.reasons(), first.causeGroups(),
                List.copyOf(exact), first.trace(), first.rulesVersion(), first.selfCare(),
                WhatIfs.lowering(triageCase, first, screened -> whatIf.level(screened, first.urgency()).urgency()), first.read(),
                first.holding());
    }

    /** Only the level the rules give, without stating follow-up questions: for what-if evaluations. */
    public Urgency urgency(RuleSet rules, TriageCase triageCase) {
        return probe(rules, triageCase).urgency();
    }

    /** The level the rules give and the answers they read to give it: for what-if evaluations that can spare others. */
    public Probe probe(RuleSet rules, TriageCase triageCase) {
        return verdict.probeOf(runner.runForLevel(rules, triageCase, Urgency.SELF_CARE), triageCase);
    }

    /**
     * The level, the findings that hold it and what the rules read, from every rule as the assessment runs them: what
     * the what-ifs of {@link #prober} must agree with, for checks.
     */
    public Probe probeOnEveryRule(RuleSet rules, TriageCase triageCase) {
        return verdict.probeOf(runner.run(rules, triageCase, false), triageCase);
    }

    /**
     * What-ifs on this rule set that run only the rules able to decide what is asked: a case expected at a level is
     * first evaluated on the rules that can conclude that level or a higher one (exact when one of them does, and
     * evaluated on every level rule when none does), and whether a case rises above a level needs only the rules that
     * can conclude a higher one. One prober per request: it counts its evaluations.
     */
    public Prober prober(RuleSet rules) {
        return prober(rules, null, null);
    }

    /**
     * The same, for the what-ifs of a case the rules judged at {@code judgedAt} on every rule: whether a case that
     * differs from it in one symptom rises above that level is evaluated on the rules that can hold that symptom
     * ({@link OneSymptomPools}), since no other rule above the level fired for it.
     */
    public Prober prober(RuleSet rules, TriageCase judged, Urgency judgedAt) {
        return new Prober() {
            private int made;

            @Override
            public Probe level(TriageCase c, Urgency expected) {
                // When every level rule can conclude the expected level, the first evaluation is the exact one.
                if (rules.levelSessions(expected) != rules.levelSessions()) {
                    made++;
                    Probe found = from(rules, c, expected);
                    if (found != null) {
                        return found;
                    }
                }
                made++;
                return probe(rules, c);
            }

            @Override
            public int evaluations() {
                return made;
            }

            @Override
            public Probe above(TriageCase c, Urgency current) {
                if (current == Urgency.EMERGENCY_AMBULANCE) {
                    return Probe.notAbove(current, AnswersRead.of(Map.of()));
                }
                made++;
                if (current == Urgency.SELF_CARE) {
                    // Every level rule can conclude something above self-care, and none concluding leaves a consultation.
                    Probe p = probe(rules, c);
                    return p.urgency().compareTo(current) > 0 ? p : Probe.notAbove(current, p.read());
                }
                Urgency next = Urgency.values()[current.ordinal() + 1];
                RuleRunner.Evaluation evaluation = oneSymptom(c, current)
                        .flatMap(code -> rules.oneSymptom().pool(next, code).map(pool -> runner.runForOneSymptom(rules, pool, c, code)))
                        .orElseGet(() -> runner.runForLevel(rules, c, next));
                Probe found = verdict.highest(evaluation, c);
                return found != null && found.urgency().compareTo(current) > 0 ? found : Probe.notAbove(current, evaluation.read());
            }

            /** The symptom this case alone changes in the judged one, when asked whether it rises above its level. */
            private Optional<String> oneSymptom(TriageCase c, Urgency current) {
                return judged == null || current != judgedAt ? Optional.empty() : c.onlySymptomChangedFrom(judged);
            }
        };
    }

    /** The exact probe of the case when some finding is at {@code atLeast} or above, from the rules that can give one. */
    private Probe from(RuleSet rules, TriageCase c, Urgency atLeast) {
        Probe found = verdict.highest(runner.runForLevel(rules, c, atLeast), c);
        return found != null && found.urgency().compareTo(atLeast) >= 0 ? found : null;
    }

    private Assessment evaluate(RuleSet rules, TriageCase triageCase, boolean withTrace) {
        return verdict.of(runner.run(rules, triageCase, withTrace), triageCase, rules.version());
    }
}
