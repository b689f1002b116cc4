package dev.triageapi.catalog;

/** The words of a reason a rule gives for a level below the emergencies, by the code the rule names. */
public record ReasonDefinition(String code, String text) {
}
