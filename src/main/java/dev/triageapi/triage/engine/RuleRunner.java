package dev.triageapi.triage.engine;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.facts.Conclusions;
import dev.triageapi.triage.facts.Finding;
import dev.triageapi.triage.facts.News2;
import dev.triageapi.triage.facts.ReadNotes;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.triage.facts.LabResults;
import dev.triageapi.vocabulary.Urgency;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a case through a rule set: the case's facts in, the findings the rules inserted (each with the rule that
 * inserted it) and, when traced, the rules that fired out. Nothing here ranks or reads a finding.
 */
final class RuleRunner {

    /** Where the symptom groups are declared: each symptom goes into the session knowing the groups it is in. */
    private final Catalog catalog;

    RuleRunner(Catalog catalog) {
        this.catalog = catalog;
    }

    /** What one evaluation gave, and which answers of each symptom the rules read to give it. */
    record Evaluation(List<Attributed> findings, List<Firing> fired, AnswersRead read) {
    }

    /** A finding and the rule that inserted it. */
    record Attributed(Finding finding, RuleInfo rule) {
    }

    /** The findings of the case, with the firings only when {@code withTrace} (it costs a listener call per firing). */
    Evaluation run(RuleSet rules, TriageCase triageCase, boolean withTrace) {
        return run(rules, rules.sessions(), triageCase, withTrace);
    }

    /**
     * The findings at {@code atLeast} or above, on the rules that can conclude such a level (for what-ifs); with
     * {@link Urgency#SELF_CARE}, every finding that decides the level.
     */
    Evaluation runForLevel(RuleSet rules, TriageCase triageCase, Urgency atLeast) {
        return run(rules, rules.levelSessions(atLeast), triageCase, false);
    }

    /**
     * The findings at {@code atLeast} or above of a case that differs from one judged below that level in the symptom
     * {@code code} only, on the rules that can then give one ({@link OneSymptomPools}). The rules left out read other
     * symptoms' answers too: only what was read of this symptom is told, every other symptom's answers count as read.
     */
    Evaluation runForOneSymptom(RuleSet rules, KieSessionsPool pool, TriageCase triageCase, String code) {
        Evaluation all = run(rules, pool, triageCase, false);
        return new Evaluation(all.findings(), all.fired(), all.read().onlyOf(code));
    }

    private Evaluation run(RuleSet rules, KieSessionsPool pool, TriageCase triageCase, boolean withTrace) {
        List<Attributed> findings = new ArrayList<>();
        List<Firing> fired = new ArrayList<>();
        // A pooled session: building a session's node and segment memories costs more than running the rules.
        // dispose() resets it before it goes back to the pool, so no fact, finding or listener outlives this case.
        List<Symptom> inSession = new ArrayList<>(triageCase.symptoms().size());
        KieSession session = pool.newKieSession();
        try {
            session.addEventListener(insertions(rules, findings));
            if (withTrace) {
                session.addEventListener(firings(rules, fired));
            }
            session.insert(triageCase.patient());
            for (Symptom symptom : triageCase.symptoms()) {
                Symptom fact = symptom.forSession(catalog.groupsOf(symptom.getCode()));
                inSession.add(fact);
                session.insert(fact);
            }
            for (RiskFactor riskFactor : triageCase.riskFactors()) {
                session.insert(riskFactor);
            }
            for (RiskFactorAbsent denied : triageCase.absentRiskFactors()) {
                session.insert(denied);
            }
            if (triageCase.vitals() != null) {
                session.insert(triageCase.vitals());
            }
            if (triageCase.labs() != null) {
                session.insert(triageCase.labs());
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        Map<String, ReadNotes> read = new HashMap<>();
        for (Symptom fact : inSession) {
            // A case may hold a code twice (only the JSON door refuses it): what either copy asked counts.
            read.merge(fact.getCode(), fact.readNotes(), ReadNotes::both);
        }
        return new Evaluation(findings, fired, AnswersRead.of(read));
    }

    private static DefaultRuleRuntimeEventListener insertions(RuleSet rules, List<Attributed> findings) {
        return new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null && event.getObject() instanceof Finding finding) {
                    findings.add(new Attributed(finding, rules.rule(event.getRule().getName())));
                }
            }

            /** A logically inserted finding whose conditions stopped holding (see consultation.drl) no longer counts. */
            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                if (event.getOldObject() instanceof Finding finding) {
                    findings.removeIf(a -> a.finding() == finding);
                }
            }
        };
    }

    private static DefaultAgendaEventListener firings(RuleSet rules, List<Firing> fired) {
        return new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                List<Object> matched = new ArrayList<>();
                for (Object o : event.getMatch().getObjects()) {
                    if (o instanceof Symptom || o instanceof RiskFactor || o instanceof Collection<?> || o instanceof VitalSigns
                            || o instanceof News2 || o instanceof LabResults) {
                        matched.add(o);
                    }
                }
                fired.add(new Firing(rules.rule(event.getMatch().getRule().getName()), Conclusions.evidence(matched)));
            }
        };
    }
}
