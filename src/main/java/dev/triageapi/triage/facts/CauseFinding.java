package dev.triageapi.triage.facts;

import java.util.List;

/** Inserted by a rule: the reported pattern points to a condition; the evidence names what matched. */
public record CauseFinding(String condition, List<String> evidence) implements Finding {
}
