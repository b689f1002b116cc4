package dev.triageapi.triage.rules;

import java.time.Instant;
import java.util.List;

/** The outcome of the last attempt to swap in changed rule files. */
public record ReloadAttempt(Instant at, boolean accepted, String candidateVersion, List<String> problems) {
}
