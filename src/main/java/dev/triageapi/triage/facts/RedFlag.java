package dev.triageapi.triage.facts;

import java.util.List;

/** Inserted by a rule: an emergency sign was found. Label, source and urgency come from the red-flag catalog. */
public record RedFlag(String code, List<String> evidence) implements Finding {
}
