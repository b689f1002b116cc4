package dev.triageapi.triage.engine;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Urgency;
import jakarta.inject.Singleton;

import java.util.List;

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
        List<FollowUp> exact = WhatIfs.raising(triageCase, first, answered -> urgency(rules, answered));
        exact.sort(verdict.questionOrder());
        return new Assessment(first.urgency(), first.decidedBy(), first.redFlags(), first.reasons(), first.causeGroups(),
                List.copyOf(exact), first.trace(), first.rulesVersion(), first.selfCare(),
                WhatIfs.lowering(triageCase, first, screened -> urgency(rules, screened)), first.read());
    }

    /** Only the level the rules give, without stating follow-up questions: for what-if evaluations. */
    public Urgency urgency(RuleSet rules, TriageCase triageCase) {
        return probe(rules, triageCase).urgency();
    }

    /** The level the rules give and the answers they read to give it: for what-if evaluations that can spare others. */
    public Probe probe(RuleSet rules, TriageCase triageCase) {
        return verdict.probeOf(runner.runForLevel(rules, triageCase), triageCase);
    }

    private Assessment evaluate(RuleSet rules, TriageCase triageCase, boolean withTrace) {
        return verdict.of(runner.run(rules, triageCase, withTrace), triageCase, rules.version());
    }
}
