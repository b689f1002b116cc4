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
import dev.triageapi.triage.engine.RuleRunner.Attributed;
import dev.triageapi.triage.facts.CauseFinding;
import dev.triageapi.triage.facts.Finding;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.RedFlag;
import dev.triageapi.triage.facts.SelfCareCandidate;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.UrgencyFinding;
import dev.triageapi.vocabulary.Urgency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verdict on one evaluation: the findings the rules inserted, turned into an {@link Assessment}. The rules only
 * state findings; ranking them ("highest urgency wins") happens here, in Java, and needs no Drools, so it is tested
 * on findings directly. Every code a finding names must be in the catalog.
 */
final class Verdict {

    private final Catalog catalog;

    Verdict(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Only the level the findings of one evaluation give, as {@link #of} reaches it, and how many findings give it,
     * without the reasons, causes and questions a what-if evaluation does not read.
     */
    Probe probeOf(RuleRunner.Evaluation evaluation, TriageCase triageCase) {
        Probe found = highest(evaluation, triageCase);
        return found == null ? new Probe(Urgency.CONSULTATION, 0, evaluation.read()) : found;
    }

    /** The highest level the findings give and how many give it, or null when none gives a level. */
    Probe highest(RuleRunner.Evaluation evaluation, TriageCase triageCase) {
        Urgency urgency = null;
        int holding = 0;
        for (Attributed a : evaluation.findings()) {
            Urgency level = levelOf(a, triageCase);
            if (level == null) {
                continue;
            }
            int byLevel = urgency == null ? 1 : level.compareTo(urgency);
            if (byLevel > 0) {
                urgency = level;
                holding = 1;
            } else if (byLevel == 0) {
                holding++;
            }
        }
        return urgency == null ? null : new Probe(urgency, holding, evaluation.read());
    }

    /**
     * The level one finding gives, the one place that says it: a red flag its catalog level, a floor its own, a
     * self-care picture self-care once its screen is answered and a consultation until then; null for the rest.
     */
    private Urgency levelOf(Attributed a, TriageCase triageCase) {
        if (a.finding() instanceof RedFlag flag) {
            return redFlag(flag.code(), a.rule()).urgency();
        } else if (a.finding() instanceof UrgencyFinding floor) {
            return floor.level();
        } else if (a.finding() instanceof SelfCareCandidate candidate) {
            return openQuestions(pathway(candidate, a.rule()), triageCase).isEmpty() ? Urgency.SELF_CARE : Urgency.CONSULTATION;
        }
        return null;
    }

    private SelfCarePathwayDefinition pathway(SelfCareCandidate candidate, RuleInfo rule) {
        return catalog.selfCarePathway(candidate.pathway()).orElseThrow(() ->
                new IllegalStateException("rule \"" + rule.name() + "\" recognises unknown pathway " + candidate.pathway()));
    }

    /** The assessment the findings of one evaluation of this case give. */
    Assessment of(RuleRunner.Evaluation evaluation, TriageCase triageCase, String version) {
        Map<String, TreeSet<String>> flagEvidence = new TreeMap<>();
        Map<String, TreeSet<String>> conditionEvidence = new TreeMap<>();
        Map<String, FollowUp> followUps = new TreeMap<>();
        Urgency urgency = null;
        int holding = 0;
        RuleInfo decidedBy = null;
        List<Ranked> reasons = new ArrayList<>();
        SelfCarePathwayDefinition selfCare = null;
        List<ScreenQuestion> screen = new ArrayList<>();
        List<Ranked> pathwayReasons = new ArrayList<>();

        for (Attributed a : sorted(evaluation.findings())) {
            Urgency level = levelOf(a, triageCase);
            Finding finding = a.finding();
            if (finding instanceof RedFlag flag) {
                RedFlagDefinition definition = redFlag(flag.code(), a.rule());
                flagEvidence.computeIfAbsent(flag.code(), k -> new TreeSet<>()).addAll(flag.evidence());
                reasons.add(new Ranked(level, definition.label()));
            } else if (finding instanceof UrgencyFinding floor) {
                reasons.add(new Ranked(level, catalog.reason(floor.reason()).map(ReasonDefinition::text)
                        .orElseThrow(() -> new IllegalStateException("rule \"" + a.rule().name() + "\" gives unknown reason " + floor.reason()))));
            } else if (finding instanceof CauseFinding cause) {
                if (catalog.condition(cause.condition()).isEmpty()) {
                    throw new IllegalStateException("rule \"" + a.rule().name() + "\" suggests unknown condition " + cause.condition());
                }
                conditionEvidence.computeIfAbsent(cause.condition(), k -> new TreeSet<>()).addAll(cause.evidence());
            } else if (finding instanceof SelfCareCandidate candidate) {
                SelfCarePathwayDefinition pathway = pathway(candidate, a.rule());
                if (level == Urgency.SELF_CARE) {
                    selfCare = selfCare == null ? pathway : selfCare;
                    pathwayReasons.add(new Ranked(level, catalog.reason(SCREENED).orElseThrow().text().replace("{pathway}", inSentence(pathway.label()))));
                } else {
                    screen.addAll(openQuestions(pathway, triageCase));
                    pathwayReasons.add(new Ranked(level, catalog.reason(SCREEN_OPEN).orElseThrow().text().replace("{pathway}", inSentence(pathway.label()))));
                }
            } else if (finding instanceof FollowUp question) {
                followUps.merge(question.symptom() + "|" + question.modifier() + "|" + question.value(), question,
                        (x, y) -> PREFERRED_QUESTION.compare(x, y) <= 0 ? x : y);
            }
            if (level != null && (urgency == null || level.compareTo(urgency) > 0)) {
                urgency = level;
                decidedBy = a.rule();
                holding = 1;
            } else if (level != null && level == urgency) {
                holding++;
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
        // Nor does it tell the patient to see a doctor within a day or in the coming days next to "call now": the
        // reasons of the lower levels would read as an invitation to wait.
        if (urgency.isEmergency()) {
            reasons.removeIf(reason -> reason.level() != null && !reason.level().isEmergency());
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
        List<Firing> trace = new ArrayList<>(evaluation.fired());
        trace.sort(IN_FILE_ORDER);
        if (urgency != Urgency.SELF_CARE) {
            selfCare = null;
        }
        return new Assessment(urgency, decidedBy, List.copyOf(redFlags), List.copyOf(reasonTexts),
                groups(conditionEvidence), List.copyOf(questions), List.copyOf(trace), version, selfCare,
                urgency == Urgency.SELF_CARE ? List.of() : List.copyOf(screen), evaluation.read(), holding);
    }

    /** A label as it reads inside a sentence ("soreness after exercise"). */
    private static String inSentence(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** The pathway's screen questions this case has not answered "no" to, in the catalog's order. */
    private static List<ScreenQuestion> openQuestions(SelfCarePathwayDefinition pathway, TriageCase triageCase) {
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

    /** Questions that could raise the level most first, then by the catalog's order of symptoms. */
    Comparator<FollowUp> questionOrder() {
        return Comparator.comparing(FollowUp::couldRaiseTo).reversed()
                .thenComparingInt(q -> catalog.symptomRank(q.symptom()))
                .thenComparing(FollowUp::modifier);
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

    private record Ranked(Urgency level, String text) {
    }
}
