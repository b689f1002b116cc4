package dev.triageapi.triage.facts;

/** A conclusion a rule inserts into working memory; the engine collects these together with the rule that made them. */
public sealed interface Finding permits RedFlag, UrgencyFinding, CauseFinding, FollowUp, SelfCareCandidate {
}
