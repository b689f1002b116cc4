package dev.triageapi.triage.engine;

import dev.triageapi.triage.Urgency;

import java.util.Comparator;
import java.util.List;

/**
 * A loaded rule: its name, where it is written, where its clinical knowledge comes from, and what its consequence
 * can conclude (red flags, suggested conditions, urgency levels, follow-up questions), as read from its text.
 */
public record RuleInfo(String name, String file, int line, String source,
                       List<String> redFlags, List<String> conditions, List<Urgency> levels, boolean asks) {

    /** By file, then by line: the order rules are written in. */
    public static final Comparator<RuleInfo> IN_FILE_ORDER = Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line);
}
