package dev.triageapi.triage.engine;

import dev.triageapi.catalog.CauseGroupDefinition;
import dev.triageapi.catalog.ConditionDefinition;
import dev.triageapi.catalog.RedFlagDefinition;
import dev.triageapi.catalog.SelfCarePathwayDefinition;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.vocabulary.Urgency;

import java.util.List;

/**
 * The outcome of running one case through a rule set, in a deterministic order: the urgency and the rule that set
 * it, the red flags, the reasons, the suggested cause groups, follow-up questions, the full firing trace, the self-care
 * pathway when the answer is self-care (else null), the screen questions that could lower the level, the answers
 * the rules read to reach it, by symptom code (an answer they did not read cannot change this assessment), and how many
 * findings hold the level (none when no finding gives one).
 */
public record Assessment(
        Urgency urgency,
        RuleInfo decidedBy,
        List<FiredRedFlag> redFlags,
        List<String> reasons,
        List<SuggestedGroup> causeGroups,
        List<FollowUp> followUps,
        List<Firing> trace,
        String rulesVersion,
        SelfCarePathwayDefinition selfCare,
        List<ScreenQuestion> screenQuestions,
        AnswersRead read,
        int holding) {

    /** This assessment as a what-if sees it: its level, how many findings hold it there, and what the rules read. */
    public Probe probe() {
        return new Probe(urgency, holding, read);
    }

    /**
     * A screen question of a self-care pathway still open: answering it (together with the pathway's other open ones)
     * as {@code answer} gives {@code couldLowerTo}. {@code subject} is {@code symptom}, {@code riskFactor} or
     * {@code pregnancy}.
     */
    public record ScreenQuestion(String pathway, String subject, String code, String answer, Urgency couldLowerTo) {
        public static final String SYMPTOM = "symptom";
        public static final String RISK_FACTOR = "riskFactor";
        public static final String PREGNANCY = "pregnancy";
    }

    /** A red flag with the evidence that raised it. */
    public record FiredRedFlag(RedFlagDefinition definition, List<String> evidence) {
    }

    /** A cause group with the conditions suggested in it and the union of their evidence. */
    public record SuggestedGroup(CauseGroupDefinition group, List<SuggestedCondition> conditions, List<String> evidence) {
    }

    /** A suggested condition with the evidence that pointed to it. */
    public record SuggestedCondition(ConditionDefinition condition, List<String> evidence) {
    }
}
