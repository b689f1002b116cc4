package dev.triageapi.triage.engine;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Urgency;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.function.Supplier;

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
        return judge(rules, triageCase, withTrace).assessment();
    }

    /**
     * The assessment of a case, and what-ifs that start from it: whether a case that changes one symptom of this one
     * rises above its level runs only the rules that can hold that symptom.
     */
    public Judged judge(RuleSet rules, TriageCase triageCase, boolean withTrace) {
        Assessment first = verdict.of(runner.run(rules, triageCase, withTrace), triageCase, rules.version());
        Judged judged = new Judged(first, () -> new WhatIfProber(runner, verdict, rules, triageCase, first.urgency()));
        if (first.followUps().isEmpty() && first.screenQuestions().isEmpty()) {
            return judged;
        }
        Prober whatIf = judged.prober();
        List<FollowUp> exact = WhatIfs.raising(triageCase, first, answered -> whatIf.above(answered, first.urgency()).urgency());
        exact.sort(verdict.questionOrder());
        return new Judged(new Assessment(first.urgency(), first.decidedBy(), first.redFlags(), first.reasons(), first.causeGroups(),
                List.copyOf(exact), first.trace(), first.rulesVersion(), first.selfCare(),
                WhatIfs.lowering(triageCase, first, screened -> whatIf.level(screened, first.urgency()).urgency()), first.read(),
                first.holding()), judged.whatIfs);
    }

    /**
     * A case the rules judged on every rule: its assessment, and a new prober for each round of what-ifs about it (each
     * counts its own evaluations).
     */
    public record Judged(Assessment assessment, Supplier<Prober> whatIfs) {

        /** A new prober of what-ifs that start from the judged case. */
        public Prober prober() {
            return whatIfs.get();
        }
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
     * What-ifs on this rule set that run only the rules able to decide what is asked ({@link WhatIfProber}). One prober
     * per request: it counts its evaluations.
     */
    public Prober prober(RuleSet rules) {
        return new WhatIfProber(runner, verdict, rules, null, null);
    }
}
