package dev.triageapi.triage.engine;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.CauseGroupDefinition;
import dev.triageapi.catalog.RedFlagDefinition;
import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.engine.Assessment.FiredRedFlag;
import dev.triageapi.triage.engine.Assessment.SuggestedCondition;
import dev.triageapi.triage.engine.Assessment.SuggestedGroup;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.StatelessKieSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs a case through a rule set in a fresh stateless session and turns the facts the rules inserted into an
 * {@link Assessment}. The rules only state findings; ranking them ("highest urgency wins") happens here, in Java.
 */
public final class TriageEngine {

    private final Catalog catalog;

    public TriageEngine(Catalog catalog) {
        this.catalog = catalog;
    }

    public Assessment assess(RuleSet rules, TriageCase triageCase) {
        List<Object> facts = new ArrayList<>(triageCase.symptoms().size() + triageCase.riskFactors().size() + 1);
        facts.add(triageCase.patient());
        facts.addAll(triageCase.symptoms());
        facts.addAll(triageCase.riskFactors());

        Recorder recorder = new Recorder(rules);
        StatelessKieSession session = rules.kieBase().newStatelessKieSession();
        session.addEventListener(recorder.insertions);
        session.addEventListener(recorder.firings);
        session.execute(facts);
        return recorder.assessment(rules.version());
    }

    /** Collects what the rules inserted, and which rule inserted it, during one evaluation. */
    private final class Recorder {
        private final RuleSet rules;
        private final List<Attributed> findings = new ArrayList<>();
        private final List<Firing> fired = new ArrayList<>();

        private final DefaultRuleRuntimeEventListener insertions = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null && event.getObject() instanceof Finding finding) {
                    findings.add(new Attributed(finding, rules.rule(event.getRule().getName())));
                }
            }
        };

        private final DefaultAgendaEventListener firings = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(new Firing(rules.rule(event.getMatch().getRule().getName()),
                        Conclusions.evidence(event.getMatch().getObjects().stream()
                                .filter(o -> o instanceof Symptom || o instanceof RiskFactor || o instanceof java.util.Collection<?>)
                                .toList().toArray())));
            }
        };

        Recorder(RuleSet rules) {
            this.rules = rules;
        }

        Assessment assessment(String version) {
            Map<String, TreeSet<String>> flagEvidence = new TreeMap<>();
            Map<String, TreeSet<String>> conditionEvidence = new TreeMap<>();
            Map<String, FollowUp> followUps = new TreeMap<>();
            Urgency urgency = null;
            RuleInfo decidedBy = null;
            List<Ranked> reasons = new ArrayList<>();

            for (Attributed a : sorted(findings)) {
                Urgency level = null;
                Finding finding = a.finding();
                if (finding instanceof RedFlag flag) {
                    RedFlagDefinition definition = redFlag(flag.code(), a.rule());
                    flagEvidence.computeIfAbsent(flag.code(), k -> new TreeSet<>()).addAll(flag.evidence());
                    level = definition.urgency();
                    reasons.add(new Ranked(level, definition.label()));
                } else if (finding instanceof UrgencyFinding floor) {
                    level = floor.level();
                    reasons.add(new Ranked(level, floor.reason()));
                } else if (finding instanceof CauseFinding cause) {
                    if (catalog.condition(cause.condition()).isEmpty()) {
                        throw new IllegalStateException("rule \"" + a.rule().name() + "\" suggests unknown condition " + cause.condition());
                    }
                    conditionEvidence.computeIfAbsent(cause.condition(), k -> new TreeSet<>()).addAll(cause.evidence());
                } else if (finding instanceof FollowUp question) {
                    followUps.merge(question.symptom() + "|" + question.modifier() + "|" + question.value(), question,
                            (x, y) -> x.couldRaiseTo().compareTo(y.couldRaiseTo()) >= 0 ? x : y);
                }
                if (level != null && (urgency == null || level.compareTo(urgency) > 0)) {
                    urgency = level;
                    decidedBy = a.rule();
                }
            }
            if (urgency == null) {
                // No rule gave a level: unknown is never reassuring, so a doctor should still look.
                urgency = Urgency.CONSULTATION;
                reasons.add(new Ranked(urgency, "No specific pattern was recognised; a doctor should assess any new muscle complaint."));
            }
            final Urgency finalUrgency = urgency;
            return new Assessment(
                    urgency,
                    decidedBy,
                    flagEvidence.entrySet().stream()
                            .map(e -> new FiredRedFlag(catalog.redFlag(e.getKey()).orElseThrow(), List.copyOf(e.getValue())))
                            .sorted(Comparator.comparing((FiredRedFlag f) -> f.definition().urgency()).reversed()
                                    .thenComparing(f -> f.definition().code()))
                            .toList(),
                    reasons.stream()
                            .sorted(Comparator.comparing(Ranked::level).reversed().thenComparing(Ranked::text))
                            .map(Ranked::text).distinct().toList(),
                    groups(conditionEvidence),
                    followUps.values().stream()
                            .filter(q -> q.couldRaiseTo().compareTo(finalUrgency) > 0)
                            .sorted(Comparator.comparing(FollowUp::couldRaiseTo).reversed()
                                    .thenComparing(q -> catalog.symptomRank(q.symptom()))
                                    .thenComparing(FollowUp::modifier))
                            .toList(),
                    fired.stream().sorted(Comparator.comparing((Firing f) -> f.rule().file())
                                    .thenComparing(f -> f.rule().line())
                                    .thenComparing(f -> f.rule().name())
                                    .thenComparing(f -> String.join(",", f.matched())))
                            .toList(),
                    version);
        }

        private RedFlagDefinition redFlag(String code, RuleInfo rule) {
            return catalog.redFlag(code).orElseThrow(() ->
                    new IllegalStateException("rule \"" + rule.name() + "\" raises unknown red flag " + code));
        }

        private List<SuggestedGroup> groups(Map<String, TreeSet<String>> conditionEvidence) {
            List<SuggestedGroup> groups = new ArrayList<>();
            for (CauseGroupDefinition group : catalog.causeGroups()) {
                List<SuggestedCondition> conditions = new ArrayList<>();
                TreeSet<String> evidence = new TreeSet<>();
                group.conditions().stream().filter(c -> conditionEvidence.containsKey(c.code())).forEach(c -> {
                    conditions.add(new SuggestedCondition(c, List.copyOf(conditionEvidence.get(c.code()))));
                    evidence.addAll(conditionEvidence.get(c.code()));
                });
                if (!conditions.isEmpty()) {
                    groups.add(new SuggestedGroup(group, List.copyOf(conditions), List.copyOf(evidence)));
                }
            }
            return List.copyOf(groups);
        }

        /** Findings in an order that does not depend on the order rules happened to fire in. */
        private static List<Attributed> sorted(List<Attributed> findings) {
            List<Attributed> copy = new ArrayList<>(findings);
            copy.sort(Comparator.comparing((Attributed a) -> a.rule().file())
                    .thenComparing(a -> a.rule().line())
                    .thenComparing(a -> a.finding().toString()));
            return copy;
        }
    }

    private record Attributed(Finding finding, RuleInfo rule) {
    }

    private record Ranked(Urgency level, String text) {
    }
}
