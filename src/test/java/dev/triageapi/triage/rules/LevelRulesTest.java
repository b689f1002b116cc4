package dev.triageapi.triage.rules;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The what-ifs on fewer rules ({@link LevelRules}) against every rule, on rule files a clinic could write in shapes the
 * bundled rules never use: a conclusion the outline cannot read, a rule that steers the agenda, a query, a rule that
 * extends another. Whatever is not read for certain must be kept, so each what-if gives what every rule gives.
 */
@AlongsideQuarkusTests
class LevelRulesTest {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final TriageEngine ENGINE = new TriageEngine(CATALOG);
    private static final String HEADER = """
            package rules.test;
            import dev.triageapi.triage.facts.*;
            import dev.triageapi.vocabulary.Urgency;
            import function dev.triageapi.triage.facts.Conclusions.suggests;
            import function dev.triageapi.triage.facts.Conclusions.redFlag;
            import function dev.triageapi.triage.facts.Conclusions.atLeast;
            rule "A headache needs a doctor"
                @source("test")
            when
                $s : Symptom( code == "headache" )
            then
                insert(atLeast(Urgency.CONSULTATION, "cause_to_be_found", $s));
            end
            """;
    private static final String STIFF_NECK_SUGGESTS_MENINGITIS = """
            rule "A"
                @source("test")
            when
                $s : Symptom( code == "neck_stiffness" )
            then
                insert(suggests("meningitis", $s));
            end
            """;
    private static final String SEVERE_HEADACHE = """
            when
                $s : Symptom( code == "headache", severe )
            then
            """;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("a space before the call's bracket", rule("A", "insert(redFlag (\"stroke_sudden_severe_headache\", $s));")),
                Arguments.of("a level written out in full", rule("A",
                        "insert(atLeast(dev.triageapi.vocabulary.Urgency.CONSULTATION_24, \"cause_to_be_found\", $s));")),
                Arguments.of("a finding made with new", rule("A",
                        "insert(new UrgencyFinding(Urgency.CONSULTATION_24, \"cause_to_be_found\", java.util.List.of()));")),
                Arguments.of("a level from a variable", """
                        rule "A"
                            @source("test")
                        when
                            $s : Symptom( code == "headache", $severity : severity )
                        then
                            Urgency u = $severity == dev.triageapi.vocabulary.Severity.SEVERE ? Urgency.CONSULTATION_24 : Urgency.CONSULTATION;
                            insert(atLeast(u, "cause_to_be_found", $s));
                        end
                        """),
                Arguments.of("a conclusion called through its class, read by a red flag", """
                        rule "A"
                            @source("test")
                        when
                            $s : Symptom( code == "headache" )
                        then
                            insert(Conclusions.atLeast(Urgency.CONSULTATION, "cause_to_be_found", $s));
                        end
                        rule "B"
                            @source("test")
                        when
                            UrgencyFinding( reason == "cause_to_be_found" )
                            $s : Symptom( code == "headache", severe )
                        then
                            insert(redFlag("stroke_sudden_severe_headache", $s));
                        end
                        """),
                Arguments.of("a rule that extends one reading a suggestion", STIFF_NECK_SUGGESTS_MENINGITIS + """
                        rule "B"
                            @source("test")
                        when
                            CauseFinding( condition == "meningitis" )
                            $s : Symptom( code == "headache" )
                        then
                            insert(atLeast(Urgency.CONSULTATION, "cause_to_be_found", $s));
                        end
                        rule "C" extends "B"
                            @source("test")
                        when
                            Symptom( code == "headache", severe )
                        then
                            insert(redFlag("possible_meningitis", $s));
                        end
                        """),
                Arguments.of("a focus set by a rule that inserts nothing", """
                        rule "A"
                            @source("test")
                        when
                            Symptom( code == "headache" )
                        then
                            drools.setFocus("neuro");
                        end
                        rule "B"
                            @source("test")
                            agenda-group "neuro"
                        """ + SEVERE_HEADACHE + """
                            insert(redFlag("stroke_sudden_severe_headache", $s));
                        end
                        """),
                Arguments.of("a halt", """
                        rule "A"
                            @source("test")
                            salience 100
                        when
                            Symptom( code == "headache", severe )
                        then
                            drools.halt();
                        end
                        """ + rule("B", "insert(redFlag(\"stroke_sudden_severe_headache\", $s));")),
                Arguments.of("an activation group", """
                        rule "A"
                            @source("test")
                            activation-group "g" salience 10
                        when
                            $s : Symptom( code == "headache" )
                        then
                            insert(suggests("meningitis", $s));
                        end
                        rule "B"
                            @source("test")
                            activation-group "g"
                        """ + SEVERE_HEADACHE + """
                            insert(redFlag("stroke_sudden_severe_headache", $s));
                        end
                        """),
                Arguments.of("a query over a suggestion", """
                        query meningitisSuggested()
                            @source("test")
                            CauseFinding( condition == "meningitis" )
                        end
""" + STIFF_NECK_SUGGESTS_MENINGITIS + """
                        rule "B"
                            @source("test")
                        when
                            meningitisSuggested()
                            $s : Symptom( code == "headache" )
                        then
                            insert(redFlag("possible_meningitis", $s));
                        end
                        """),
                Arguments.of("a count of suggestions", STIFF_NECK_SUGGESTS_MENINGITIS + """
                        rule "B"
                            @source("test")
                        when
                            Number( intValue >= 1 ) from accumulate( CauseFinding(), count(1) )
                            $s : Symptom( code == "headache" )
                        then
                            insert(redFlag("possible_meningitis", $s));
                        end
                        """),
                Arguments.of("an insert through the session's context", """
                        function void raise(org.kie.api.runtime.rule.RuleContext k, Symptom s) {
                            k.getKieRuntime().insert(redFlag("stroke_sudden_severe_headache", s));
                        }
                        rule "A"
                            @source("test")
                        """ + SEVERE_HEADACHE + """
                            raise(kcontext, $s);
                        end
                        """),
                Arguments.of("a count of every symptom", meningitisWhen("""
                            Number( intValue >= 2 ) from accumulate( Symptom( present ), count(1) )
                            $s : Symptom( code == "headache" )
                        """)),
                Arguments.of("a group of symptoms", meningitisWhen("""
                            $s : Symptom( inGroup("meningitis_companion_signs"), severe )
                        """)),
                Arguments.of("a symptom that must be missing", meningitisWhen("""
                            $s : Symptom( code == "headache" )
                            not Symptom( code == "neck_stiffness" )
                        """)),
                Arguments.of("every symptom a headache (a forall of one pattern)", meningitisWhen("""
                            $s : Symptom( code == "headache" )
                            forall( Symptom( code == "headache" ) )
                        """)),
                Arguments.of("some symptom outside a group (not a forall of one pattern)", meningitisWhen("""
                            $s : Symptom( code == "headache" )
                            not( forall( Symptom( inGroup("meningitis_companion_signs") ) ) )
                        """)),
                Arguments.of("a forall of a pinned pattern and its check", meningitisWhen("""
                            $s : Symptom( code == "headache" )
                            forall( $m : Symptom( inGroup("meningitis_companion_signs") ) Symptom( this == $m, !mild ) )
                        """)),
                Arguments.of("a pattern of any type", meningitisWhen("""
                            $s : Symptom( code == "headache" )
                            Object( this != $s, this instanceof Symptom )
                        """)),
                Arguments.of("plain conclusions, where fewer rules run", rule("A", "insert(redFlag(\"stroke_sudden_severe_headache\", $s));")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void shouldGiveEveryWhatIfTheLevelOfEveryRule(String shape, String rules) {
        RuleSet set = RuleCompiler.compileFromSource(List.of(new RuleFile("rules/test/a.drl", HEADER + rules)));
        for (TriageCase c : List.of(headache(null), headache(Severity.SEVERE), headache(Severity.MILD).withSymptoms(List.of(
                headache(Severity.SEVERE).symptoms().get(0), Symptom.builder("neck_stiffness").build())))) {
            Urgency all = ENGINE.assess(set, c, false).urgency();
            Prober prober = ENGINE.prober(set);
            for (Urgency level : Urgency.values()) {
                assertEquals(all, prober.level(c, level).urgency(), () -> shape + ": expected at " + level + ", " + c.symptoms());
                assertEquals(all.compareTo(level) > 0 ? all : level, prober.above(c, level).urgency(),
                        () -> shape + ": above " + level + ", " + c.symptoms());
            }
        }
    }

    /**
     * A what-if that changes one symptom of a judged case runs only the rules that can hold it, and those that give or
     * take their facts: whatever the shape of the rules, it must rise exactly as far as every rule takes it, and reach
     * every rule's level when expected at the judged one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void shouldGiveAWhatIfAboutOneSymptomTheLevelOfEveryRule(String shape, String rules) {
        RuleSet set = RuleCompiler.compileFromSource(List.of(new RuleFile("rules/test/a.drl", HEADER + rules)));
        Symptom stiffNeck = Symptom.builder("neck_stiffness").build();
        for (TriageCase judged : List.of(headache(Severity.MILD), headache(null),
                headache(Severity.MILD).withSymptoms(List.of(headache(Severity.MILD).symptoms().get(0), stiffNeck)))) {
            TriageEngine.Judged j = ENGINE.judge(set, judged, false);
            Urgency level = j.assessment().urgency();
            Symptom headache = judged.symptoms().get(0);
            List<TriageCase> changed = List.of(judged.withSymptoms(List.of(headache.with(Modifier.SEVERITY, Severity.SEVERE))),
                    judged.withSymptoms(List.of(headache, stiffNeck)), judged.withSymptoms(List.of(headache)),
                    judged.withSymptoms(List.of(stiffNeck)));
            for (TriageCase c : changed) {
                Urgency all = ENGINE.assess(set, c, false).urgency();
                assertEquals(all.compareTo(level) > 0 ? all : level, j.prober().above(c, level).urgency(),
                        () -> shape + ": judged " + level + " with " + judged.symptoms() + ", then " + c.symptoms());
                assertEquals(all, j.prober().level(c, level).urgency(),
                        () -> shape + ": judged " + level + " with " + judged.symptoms() + ", expected there, then " + c.symptoms());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void shouldRunEveryRuleInEveryWhatIfWhenARuleSteersTheAgendaOrExtendsAnother(String shape, String rules) {
        List<RuleFile> files = List.of(new RuleFile("rules/test/a.drl", HEADER + rules));
        int leftOut = LevelRules.notNeeded(DrlOutline.rules(files), code -> CATALOG.redFlag(code).map(f -> f.urgency()))
                .values().stream().mapToInt(Set::size).sum();
        boolean steers = List.of("a rule that extends", "a focus", "a halt", "an activation group", "an insert through")
                .stream().anyMatch(shape::startsWith);
        if (steers) {
            assertEquals(0, leftOut, shape);
        } else if (shape.startsWith("plain")) {
            assertTrue(leftOut > 0, "the plain rules run fewer rules in what-ifs");
        }
    }

    /** A rule "A" that raises possible meningitis on these conditions, which bind the symptom {@code $s}. */
    private static String meningitisWhen(String conditions) {
        return "rule \"A\"\n    @source(\"test\")\nwhen\n" + conditions + "then\n    insert(redFlag(\"possible_meningitis\", $s));\nend\n";
    }

    private static String rule(String name, String consequence) {
        return "rule \"" + name + "\"\n    @source(\"test\")\n" + SEVERE_HEADACHE + "    " + consequence + "\nend\n";
    }

    private static TriageCase headache(Severity severity) {
        Symptom s = Symptom.builder("headache").build();
        return new TriageCase(new Patient(40, null, null), List.of(severity == null ? s : s.with(Modifier.SEVERITY, severity)), List.of());
    }
}
