package dev.triageapi.triage.engine;

import java.util.List;

/** One rule firing: the rule and the codes of the facts it matched. */
public record Firing(RuleInfo rule, List<String> matched) {
}
