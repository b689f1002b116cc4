package dev.triageapi.triage.engine;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.CauseGroupDefinition;
import dev.triageapi.catalog.ReasonDefinition;
import dev.triageapi.catalog.RedFlagDefinition;
import dev.triageapi.catalog.SelfCarePathwayDefinition;
import dev.triageapi.triage.engine.Assessment.FiredRedFlag;
import dev.triageapi.triage.engine.Assessment.ScreenQuestion;
import dev.triageapi.triage.engine.Assessment.SuggestedCondition;
import dev.triageapi.triage.engine.Assessment.SuggestedGroup;
import dev.triageapi.triage.facts.CauseFinding;
import dev.triageapi.triage.facts.Conclusions;
import dev.triageapi.triage.facts.Finding;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.News2;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RedFlag;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.SelfCareCandidate;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.UrgencyFinding;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;
import jakarta.inject.Singleton;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs a case through a rule set in a session of its own and turns the facts the rules inserted into an
 * {@link Assessment}. The rules only state findings; ranking them ("highest urgency wins") happens here, in Java.
 */
@Singleton
public final class TriageEngine {

    private final Catalog catalog;

    public TriageEngine(Catalog catalog) {
        this.catalog = catalog;
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
        List<FollowUp> exact = new ArrayList<>();
        for (FollowUp question : first.followUps()) {
            TriageCase answered = answered(triageCase, question);
            Urgency level = answered == null ? question.couldRaiseTo() : urgency(rules, answered);
            if (level.compareTo(first.urgency()) > 0) {
                exact.add(new FollowUp(question.symptom(), question.modifier(), question.value(), level, question.question()));
            }
        }
        exact.sort(questionOrder());
        return new Assessment(first.urgency(), first.decidedBy(), first.redFlags(), first.reasons(), first.causeGroups(),
                List.copyOf(exact), first.trace(), first.rulesVersion(), first.selfCare(), lowering(rules, triageCase, first));
    }

    /**
     * The open screen questions of each recognised pathway, kept only where answering all of that pathway's open
     * questions "no" really gives a lower level (found by evaluating the case so answered, as for follow-ups).
     */
    private List<ScreenQuestion> lowering(RuleSet rules, TriageCase triageCase, Assessment first) {
        Map<String, List<ScreenQuestion>> byPathway = new TreeMap<>();
        first.screenQuestions().forEach(q -> byPathway.computeIfAbsent(q.pathway(), k -> new ArrayList<>()).add(q));
        List<ScreenQuestion> kept = new ArrayList<>();
        byPathway.forEach((pathway, questions) -> {
            Urgency level = urgency(rules, screened(triageCase, questions));
            if (level.compareTo(first.urgency()) < 0) {
                questions.forEach(q -> kept.add(new ScreenQuestion(q.pathway(), q.subject(), q.code(), q.answer(), level)));
            }
        });
        return List.copyOf(kept);
    }

    /** The case with each screen question answered "no". */
    static TriageCase screened(TriageCase triageCase, List<ScreenQuestion> questions) {
        List<Symptom> symptoms = new ArrayList<>(triageCase.symptoms());
        List<RiskFactorAbsent> denied = new ArrayList<>(triageCase.absentRiskFactors());
        Patient patient = triageCase.patient();
        for (ScreenQuestion q : questions) {
            switch (q.subject()) {
                case ScreenQuestion.SYMPTOM -> {
                    symptoms.removeIf(s -> s.getCode().equals(q.code()));
                    symptoms.add(Symptom.builder(q.code()).status(SymptomStatus.ABSENT).build());
                }
                case ScreenQuestion.RISK_FACTOR -> denied.add(new RiskFactorAbsent(q.code()));
                case ScreenQuestion.PREGNANCY -> patient = patient.withPregnancy(Pregnancy.NOT_PREGNANT);
                default -> throw new IllegalArgumentException(q.subject());
            }
        }
        return new TriageCase(patient, symptoms, triageCase.riskFactors(), denied, triageCase.vitals());
    }

    /** The case with the question answered by the value it names; null when the answer cannot be put into the case. */
    static TriageCase answered(TriageCase triageCase, FollowUp question) {
        List<Symptom> symptoms = new ArrayList<>(triageCase.symptoms().size());
        boolean applied = false;
        for (Symptom symptom : triageCase.symptoms()) {
            if (!applied && symptom.getCode().equals(question.symptom())) {
                Symptom answer = answer(symptom, question.modifier(), question.value());
                if (answer == null) {
                    return null;
                }
                symptoms.add(answer);
                applied = true;
            } else {
                symptoms.add(symptom);
            }
        }
        return applied ? triageCase.withSymptoms(symptoms) : null;
    }

    private static Symptom answer(Symptom symptom, String modifierCode, String value) {
        if ("status".equals(modifierCode)) {
            return Arrays.stream(SymptomStatus.values()).filter(s -> s.code().equals(value))
                    .findFirst().map(symptom::withStatus).orElse(null);
        }
        Modifier modifier = Modifier.byCode(modifierCode).orElse(null);
        if (modifier == null) {
            return null;
        }
        Object answer = switch (modifier.kind()) {
            case CHOICE -> modifier.choice(value).orElse(null);
            case CHOICES -> modifier.choice(value).map(List::of).orElse(null);
            case DECIMAL -> value.matches("[0-9]+(\\.[0-9]+)?") ? Double.valueOf(value) : null;
            case BOOLEAN -> "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
        };
        return answer == null ? null : symptom.with(modifier, answer);
    }

    /** Only the level the rules give, without stating follow-up questions: for what-if evaluations. */
    public Urgency urgency(RuleSet rules, TriageCase triageCase) {
        return evaluate(rules, triageCase, false).urgency();
    }

    private Comparator<FollowUp> questionOrder() {
        return Comparator.comparing(FollowUp::couldRaiseTo).reversed()
                .thenComparingInt(q -> catalog.symptomRank(q.symptom()))
                .thenComparing(FollowUp::modifier);
    }

    private Assessment evaluate(RuleSet rules, TriageCase triageCase, boolean withTrace) {
        Recorder recorder = new Recorder(rules, triageCase);
        // A pooled session: building a session's node and segment memories costs more than running the rules.
        // dispose() resets it before it goes back to the pool, so no fact, finding or listener outlives this case.
        KieSession session = rules.sessions().newKieSession();
        try {
            session.addEventListener(recorder.insertions);
            if (withTrace) {
                session.addEventListener(recorder.firings);
            }
            session.insert(triageCase.patient());
            for (Symptom symptom : triageCase.symptoms()) {
                session.insert(symptom);
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
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return recorder.assessment(rules.version());
    }

    /** Collects what the rules inserted, and which rule inserted it, during one evaluation. */
    private final class Recorder {
        private final RuleSet rules;
        private final TriageCase triageCase;
        private final List<Attributed> findings = new ArrayList<>();
        private final List<Firing> fired = new ArrayList<>();

        private final DefaultRuleRuntimeEventListener insertions = new DefaultRuleRuntimeEventListener() {
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

        private final DefaultAgendaEventListener firings = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                List<Object> matched = new ArrayList<>();
                for (Object o : event.getMatch().getObjects()) {
                    if (o instanceof Symptom || o instanceof RiskFactor || o instanceof Collection<?> || o instanceof VitalSigns
                            || o instanceof News2) {
                        matched.add(o);
                    }
                }
                fired.add(new Firing(rules.rule(event.getMatch().getRule().getName()), Conclusions.evidence(matched)));
            }
        };

        Recorder(RuleSet rules, TriageCase triageCase) {
            this.rules = rules;
            this.triageCase = triageCase;
        }

        Assessment assessment(String version) {
            Map<String, TreeSet<String>> flagEvidence = new TreeMap<>();
            Map<String, TreeSet<String>> conditionEvidence = new TreeMap<>();
            Map<String, FollowUp> followUps = new TreeMap<>();
            Urgency urgency = null;
            RuleInfo decidedBy = null;
            List<Ranked> reasons = new ArrayList<>();
            SelfCarePathwayDefinition selfCare = null;
            List<ScreenQuestion> screen = new ArrayList<>();
            List<Ranked> pathwayReasons = new ArrayList<>();

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
                    reasons.add(new Ranked(level, catalog.reason(floor.reason()).map(ReasonDefinition::text)
                            .orElseThrow(() -> new IllegalStateException("rule \"" + a.rule().name() + "\" gives unknown reason " + floor.reason()))));
                } else if (finding instanceof CauseFinding cause) {
                    if (catalog.condition(cause.condition()).isEmpty()) {
                        throw new IllegalStateException("rule \"" + a.rule().name() + "\" suggests unknown condition " + cause.condition());
                    }
                    conditionEvidence.computeIfAbsent(cause.condition(), k -> new TreeSet<>()).addAll(cause.evidence());
                } else if (finding instanceof SelfCareCandidate candidate) {
                    SelfCarePathwayDefinition pathway = catalog.selfCarePathway(candidate.pathway()).orElseThrow(() ->
                            new IllegalStateException("rule \"" + a.rule().name() + "\" recognises unknown pathway " + candidate.pathway()));
                    List<ScreenQuestion> open = openQuestions(pathway);
                    if (open.isEmpty()) {
                        level = Urgency.SELF_CARE;
                        selfCare = selfCare == null ? pathway : selfCare;
                        pathwayReasons.add(new Ranked(level, catalog.reason(SCREENED).orElseThrow().text().replace("{pathway}", inSentence(pathway.label()))));
                    } else {
                        level = Urgency.CONSULTATION;
                        screen.addAll(open);
                        pathwayReasons.add(new Ranked(level, catalog.reason(SCREEN_OPEN).orElseThrow().text().replace("{pathway}", inSentence(pathway.label()))));
                    }
                } else if (finding instanceof FollowUp question) {
                    followUps.merge(question.symptom() + "|" + question.modifier() + "|" + question.value(), question,
                            (x, y) -> PREFERRED_QUESTION.compare(x, y) <= 0 ? x : y);
                }
                if (level != null && (urgency == null || level.compareTo(urgency) > 0)) {
                    urgency = level;
                    decidedBy = a.rule();
                }
            }
            if (urgency == null) {
                // No rule gave a level: unknown is never reassuring, so a doctor should still look.
                urgency = Urgency.CONSULTATION;
                reasons.add(new Ranked(urgency, catalog.reason(NO_PATTERN).orElseThrow().text()));
            }
            List<FiredRedFlag> redFlags = new ArrayList<>(flagEvidence.size());
            flagEvidence.forEach((code, evidence) ->
                    redFlags.add(new FiredRedFlag(catalog.redFlag(code).orElseThrow(), List.copyOf(evidence))));
            redFlags.sort(MOST_URGENT_FLAG_FIRST);
            // A self-care picture explains the answer only when nothing raised it further: an emergency answer does
            // not also say the case might be looked after at home.
            for (Ranked reason : pathwayReasons) {
                if (reason.level().compareTo(urgency) >= 0) {
                    reasons.add(reason);
                }
            }
            reasons.sort(MOST_URGENT_REASON_FIRST);
            Set<String> reasonTexts = new LinkedHashSet<>();
            reasons.forEach(reason -> reasonTexts.add(reason.text()));
            List<FollowUp> questions = new ArrayList<>();
            for (FollowUp question : followUps.values()) {
                if (question.couldRaiseTo().compareTo(urgency) > 0) {
                    questions.add(question);
                }
            }
            questions.sort(questionOrder());
            List<Firing> trace = new ArrayList<>(fired);
            trace.sort(IN_FILE_ORDER);
            if (urgency != Urgency.SELF_CARE) {
                selfCare = null;
            }
            return new Assessment(urgency, decidedBy, List.copyOf(redFlags), List.copyOf(reasonTexts),
                    groups(conditionEvidence), List.copyOf(questions), List.copyOf(trace), version, selfCare,
                    urgency == Urgency.SELF_CARE ? List.of() : List.copyOf(screen));
        }

        /** A label as it reads inside a sentence ("soreness after exercise"). */
        private static String inSentence(String label) {
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }

        /** The pathway's screen questions this case has not answered "no" to, in the catalog's order. */
        private List<ScreenQuestion> openQuestions(SelfCarePathwayDefinition pathway) {
            List<ScreenQuestion> open = new ArrayList<>();
            for (String code : pathway.screen().symptomsAbsent()) {
                if (triageCase.symptoms().stream().noneMatch(s -> s.getCode().equals(code) && s.isAbsent())) {
                    open.add(new ScreenQuestion(pathway.code(), ScreenQuestion.SYMPTOM, code, "absent", Urgency.SELF_CARE));
                }
            }
            for (String code : pathway.screen().riskFactorsAbsent()) {
                if (triageCase.absentRiskFactors().stream().noneMatch(r -> r.code().equals(code))) {
                    open.add(new ScreenQuestion(pathway.code(), ScreenQuestion.RISK_FACTOR, code, "absent", Urgency.SELF_CARE));
                }
            }
            if (pathway.screen().notPregnant() && !triageCase.patient().isKnownNotPregnant()) {
                open.add(new ScreenQuestion(pathway.code(), ScreenQuestion.PREGNANCY, "pregnancy", "not_pregnant", Urgency.SELF_CARE));
            }
            return open;
        }

        private RedFlagDefinition redFlag(String code, RuleInfo rule) {
            return catalog.redFlag(code).orElseThrow(() ->
                    new IllegalStateException("rule \"" + rule.name() + "\" raises unknown red flag " + code));
        }

        private List<SuggestedGroup> groups(Map<String, TreeSet<String>> conditionEvidence) {
            if (conditionEvidence.isEmpty()) {
                return List.of();
            }
            List<SuggestedGroup> groups = new ArrayList<>();
            for (CauseGroupDefinition group : catalog.causeGroups()) {
                List<SuggestedCondition> conditions = new ArrayList<>();
                TreeSet<String> evidence = new TreeSet<>();
                for (var condition : group.conditions()) {
                    TreeSet<String> found = conditionEvidence.get(condition.code());
                    if (found != null) {
                        conditions.add(new SuggestedCondition(condition, List.copyOf(found)));
                        evidence.addAll(found);
                    }
                }
                if (!conditions.isEmpty()) {
                    groups.add(new SuggestedGroup(group, List.copyOf(conditions), List.copyOf(evidence)));
                }
            }
            return List.copyOf(groups);
        }

        /** Findings in an order that does not depend on the order rules happened to fire in. */
        private static List<Attributed> sorted(List<Attributed> findings) {
            List<Attributed> copy = new ArrayList<>(findings);
            copy.sort(IN_RULE_ORDER);
            return copy;
        }
    }

    /**
     * Findings by the place of the rule that made them. That is all the order the answer depends on: the urgency goes
     * to the first rule with the highest level, and everything else is merged in an order-independent way.
     */
    private static final Comparator<Attributed> IN_RULE_ORDER = Comparator.comparing(Attributed::rule, RuleInfo.IN_FILE_ORDER);

    /** Of two questions about the same answer, the one that could raise the urgency most; the text breaks ties. */
    private static final Comparator<FollowUp> PREFERRED_QUESTION = Comparator.comparing(FollowUp::couldRaiseTo).reversed()
            .thenComparing(FollowUp::question, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final Comparator<FiredRedFlag> MOST_URGENT_FLAG_FIRST = Comparator
            .comparing((FiredRedFlag f) -> f.definition().urgency()).reversed()
            .thenComparing(f -> f.definition().code());
    /** The reason when no rule gave a level. */
    static final String NO_PATTERN = "no_pattern_recognised";
    /** The reasons of a recognised self-care picture, screened or not yet; {pathway} is its label. */
    static final String SCREENED = "self_care_screened";
    static final String SCREEN_OPEN = "self_care_screen_open";
    private static final Comparator<Ranked> MOST_URGENT_REASON_FIRST = Comparator.comparing(Ranked::level).reversed()
            .thenComparing(Ranked::text);
    private static final Comparator<Firing> IN_FILE_ORDER = Comparator.comparing(Firing::rule, RuleInfo.IN_FILE_ORDER)
            .thenComparing(f -> f.rule().name())
            .thenComparing(f -> String.join(",", f.matched()));

    private record Attributed(Finding finding, RuleInfo rule) {
    }

    private record Ranked(Urgency level, String text) {
    }
}
