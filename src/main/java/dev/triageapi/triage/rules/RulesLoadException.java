package dev.triageapi.triage.rules;

import java.util.List;

/** The rule files could not be read or compiled; the service refuses to start (or keeps its old rules) on this. */
public class RulesLoadException extends RuntimeException {

    private final List<String> problems;

    public RulesLoadException(String message) {
        this(message, List.of(message), null);
    }

    public RulesLoadException(String message, Throwable cause) {
        this(message, List.of(message), cause);
    }

    public RulesLoadException(String message, List<String> problems, Throwable cause) {
        super(message + (problems.size() > 1 || !problems.contains(message) ? ":\n  " + String.join("\n  ", problems) : ""),
                cause);
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the file path (and line, where known). */
    public List<String> problems() {
        return problems;
    }
}
