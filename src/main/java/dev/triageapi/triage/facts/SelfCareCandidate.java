package dev.triageapi.triage.facts;

import java.util.List;

/**
 * Inserted by a rule: the case is the picture of a self-care pathway of the catalog. It leads to self-care only once
 * the pathway's screen is answered; the engine checks that, and lists the screen questions still open.
 */
public record SelfCareCandidate(String pathway, List<String> evidence) implements Finding {
}
