package dev.triageapi.catalog;

import dev.triageapi.vocabulary.Urgency;

/** An emergency sign: what it is, the level it leads to, and where that knowledge comes from. */
public record RedFlagDefinition(String code, String label, Urgency urgency, String source) {
}
