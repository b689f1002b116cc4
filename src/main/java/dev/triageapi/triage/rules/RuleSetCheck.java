package dev.triageapi.triage.rules;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.engine.RuleInfo;
import dev.triageapi.triage.engine.RuleSet;

import java.util.ArrayList;
import java.util.List;

/** Checks that every red flag and condition a rule can conclude exists in the catalog, before the rules serve anyone. */
public final class RuleSetCheck {

    private RuleSetCheck() {
    }

    public static List<String> againstCatalog(RuleSet rules, Catalog catalog) {
        List<String> problems = new ArrayList<>();
        rules.rules().values().stream().sorted(RuleInfo.IN_FILE_ORDER)
                .forEach(rule -> {
                    rule.redFlags().stream().filter(code -> catalog.redFlag(code).isEmpty()).forEach(code ->
                            problems.add(rule.file() + ":" + rule.line() + ": rule \"" + rule.name() + "\" raises red flag '" + code + "', which is not in the catalog"));
                    rule.conditions().stream().filter(code -> catalog.condition(code).isEmpty()).forEach(code ->
                            problems.add(rule.file() + ":" + rule.line() + ": rule \"" + rule.name() + "\" suggests condition '" + code + "', which is not in the catalog"));
                });
        return problems;
    }
}
