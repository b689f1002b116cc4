package dev.triageapi.observability;

import dev.triageapi.vocabulary.Urgency;

/**
 * A CDI event the triage service fires with the urgency it answered, whichever door the request came in by; the access
 * log and the metrics read it from here, so the service knows nothing of HTTP.
 */
public record Triaged(Urgency urgency) {
}
