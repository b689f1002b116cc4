package dev.triageapi.triage.facts;

import dev.triageapi.vocabulary.Urgency;

/**
 * Inserted by a rule: an unanswered question whose answer could raise the urgency to {@code couldRaiseTo}.
 * {@code symptom} is null for questions about the patient or risk factors.
 */
public record FollowUp(String symptom, String modifier, String value, Urgency couldRaiseTo, String question)
        implements Finding {
}
