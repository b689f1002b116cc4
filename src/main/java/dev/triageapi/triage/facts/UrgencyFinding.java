package dev.triageapi.triage.facts;

import dev.triageapi.vocabulary.Urgency;

import java.util.List;

/**
 * Inserted by a rule: the case needs at least {@code level}. Emergency levels are reserved for {@link RedFlag}s so
 * that every emergency answer names the sign that caused it.
 */
public record UrgencyFinding(Urgency level, String reason, List<String> evidence) implements Finding {

    public UrgencyFinding {
        if (level == null || level.isEmergency()) {
            throw new IllegalArgumentException("emergency levels must be raised through a red flag, not " + level);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an urgency finding needs a reason");
        }
    }
}
