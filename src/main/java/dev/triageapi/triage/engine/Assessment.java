package dev.triageapi.triage.engine;

import dev.triageapi.catalog.CauseGroupDefinition;
import dev.triageapi.catalog.ConditionDefinition;
import dev.triageapi.catalog.RedFlagDefinition;
import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.facts.FollowUp;

import java.util.List;

/**
 * The outcome of running one case through a rule set, in a deterministic order: the urgency and the rule that set
 * it, the red flags, the reasons, the suggested cause groups, follow-up questions and the full firing trace.
 */
public record Assessment(
        Urgency urgency,
        RuleInfo decidedBy,
        List<FiredRedFlag> redFlags,
        List<String> reasons,
        List<SuggestedGroup> causeGroups,
        List<FollowUp> followUps,
        List<Firing> trace,
        String rulesVersion) {

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
