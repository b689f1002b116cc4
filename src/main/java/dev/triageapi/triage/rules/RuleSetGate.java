package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleSet;

import java.util.List;

/**
 * A check a rule set from a folder must pass before it answers patients, beyond compiling and matching the catalog
 * (for example: every bundled vignette). Beans implementing it are found by the registry; it knows none by name, and
 * runs them in the order of their {@code @Priority}, highest (the cheapest) first, until one finds a problem.
 */
public interface RuleSetGate {

    /** What is wrong with the candidate, one line per problem; empty when it may serve. */
    List<String> problems(RuleSet candidate);
}
