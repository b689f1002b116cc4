package dev.triageapi.triage.rules;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.engine.Answers;
import dev.triageapi.triage.engine.RuleInfo;
import dev.triageapi.triage.engine.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every code a rule names against the catalog before the rules serve anyone: the red flags and conditions it
 * concludes, the symptom and risk factor codes its conditions compare with, and the answers its questions ask for. A
 * misspelt code compiles and never fires ({@code "fatige"}), so a rule set with one is refused.
 */
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
                    rule.codes().stream().filter(code -> catalog.symptom(code).isEmpty() && !catalog.isRiskFactor(code)).forEach(code ->
                            problems.add(rule.file() + ":" + rule.line() + ": rule \"" + rule.name() + "\" names '" + code + "', which is no symptom or risk factor of the catalog"));
                    rule.groups().stream().filter(group -> !catalog.isSymptomGroup(group)).forEach(group ->
                            problems.add(rule.file() + ":" + rule.line() + ": rule \"" + rule.name() + "\" names symptom group '" + group + "', which is not in the catalog"));
                    rule.reasons().stream().filter(reason -> catalog.reason(reason).isEmpty()).forEach(reason ->
                            problems.add(rule.file() + ":" + rule.line() + ": rule \"" + rule.name() + "\" gives reason '" + reason + "', which is not in the catalog"));
                    rule.pathways().stream().filter(code -> catalog.selfCarePathway(code).isEmpty()).forEach(code ->
                            problems.add(rule.file() + ":" + rule.line() + ": rule \"" + rule.name() + "\" recognises self-care pathway '" + code + "', which is not in the catalog"));
                    rule.answers().stream().filter(answer -> !isAnswer(answer)).forEach(answer ->
                            problems.add(rule.file() + ":" + rule.line() + ": rule \"" + rule.name() + "\" asks for '" + answer + "', which is no modifier and value of the catalog"));
                });
        return problems;
    }

    /** {@code modifier=value}: a symptom's status, or a modifier and a value it takes (a number of hours, a boolean, a choice). */
    static boolean isAnswer(String answer) {
        return Answers.isAnswer(answer);
    }
}
