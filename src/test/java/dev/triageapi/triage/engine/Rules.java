package dev.triageapi.triage.engine;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.rules.RuleCompiler;
import dev.triageapi.triage.rules.RuleSources;
import dev.triageapi.vocabulary.Urgency;

import java.nio.file.Path;
import java.util.List;

/** The project's rules compiled once per test JVM, and a shortcut for assessing cases without HTTP. */
public final class Rules {

    public static final Catalog CATALOG = Catalog.load();
    public static final RuleSet RULES = RuleCompiler.compile(RuleSources.fromDirectory(Path.of("rules")));
    private static final TriageEngine ENGINE = new TriageEngine(CATALOG);

    private Rules() {
    }

    public static Assessment assess(TriageCase triageCase) {
        return ENGINE.assess(RULES, triageCase);
    }

    public static Assessment assess(Patient patient, List<Symptom> symptoms, List<RiskFactor> riskFactors) {
        return assess(new TriageCase(patient, symptoms, riskFactors));
    }

    public static Assessment assess(Symptom... symptoms) {
        return assess(new Patient(null, null, null), List.of(symptoms), List.of());
    }

    public static List<String> redFlagCodes(Assessment a) {
        return a.redFlags().stream().map(f -> f.definition().code()).toList();
    }

    public static List<String> conditionCodes(Assessment a) {
        return a.causeGroups().stream().flatMap(g -> g.conditions().stream()).map(c -> c.condition().code()).toList();
    }

    public static Urgency urgency(Symptom... symptoms) {
        return assess(symptoms).urgency();
    }
}
