package dev.triageapi.triage.engine;

import dev.triageapi.vocabulary.Urgency;

import java.util.Comparator;
import java.util.List;

/**
 * A loaded rule: its name, where it is written, where its clinical knowledge comes from, what its consequence can
 * conclude (red flags, suggested conditions, urgency levels with their reason codes, follow-up questions), the symptom and risk factor codes
 * and symptom groups its conditions name, the answers its questions ask for ({@code modifier=value}) and the self-care pathways it recognises, as read
 * from its text.
 */
public record RuleInfo(String name, String file, int line, String source,
                       List<String> redFlags, List<String> conditions, List<Urgency> levels, boolean asks,
                       List<String> codes, List<String> groups, List<String> answers, List<String> reasons,
                       List<String> pathways) {

    /** By file, then by line: the order rules are written in. */
    public static final Comparator<RuleInfo> IN_FILE_ORDER = Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line);
}
