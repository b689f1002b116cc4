package dev.triageapi.testing;

import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.rules.RuleCompiler;
import dev.triageapi.triage.rules.RuleSources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Rules a clinic adds to the bundled ones, written as the tests of what a clinic's folder may do need them. */
public final class ClinicRules {

    private ClinicRules() {
    }

    /**
     * A rule that calls an ambulance (the red flag of a new one-sided weakness) when its conditions hold; one of them
     * binds {@code $s}, the symptom it cites.
     */
    public static String ambulanceWhen(String name, String... conditions) {
        return "rule \"" + name + "\"\n    @source(\"test\")\nwhen\n"
                + Arrays.stream(conditions).map(c -> "    " + c + "\n").collect(Collectors.joining())
                + "then\n    insert(redFlag(\"stroke_new_one_sided_weakness\", $s));\nend\n";
    }

    /** A DRL file of these rules, with what they import. */
    public static String file(String... rules) {
        return """
                package rules.clinic;
                import dev.triageapi.triage.facts.Hours;
                import dev.triageapi.triage.facts.Patient;
                import dev.triageapi.triage.facts.RiskFactor;
                import dev.triageapi.triage.facts.RiskFactorAbsent;
                import dev.triageapi.triage.facts.Symptom;
                import dev.triageapi.vocabulary.Pregnancy;
                import function dev.triageapi.triage.facts.Conclusions.redFlag;
                """ + String.join("", rules);
    }

    /** A file of these rules alone, compiled: quicker, where what the bundled rules conclude beside them does not matter. */
    public static RuleSet alone(String... rules) {
        return RuleCompiler.compileFromSource(List.of(new RuleFile("rules/clinic/added.drl", file(rules))));
    }

    /** The bundled rules and a file of these rules, compiled. */
    public static RuleSet bundledAnd(String... rules) {
        List<RuleFile> files = new ArrayList<>(RuleSources.fromDirectory(Path.of("rules")));
        files.add(new RuleFile("rules/clinic/added.drl", file(rules)));
        return RuleCompiler.compileFromSource(files);
    }
}
