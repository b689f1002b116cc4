package dev.triageapi.triage.engine;

/** A loaded rule: its name, where it is written, and where its clinical knowledge comes from. */
public record RuleInfo(String name, String file, int line, String source) {
}
