package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the load checks read of a rule: every code it names, wherever the DRL puts it, and nothing in a comment. */
class DrlOutlineTest {

    private static final String HEADER = """
            package rules.test;
            import dev.triageapi.triage.facts.Symptom;
            import function dev.triageapi.triage.facts.Conclusions.redFlag;
            """;

    private static DrlOutline.RuleText only(String... files) {
        List<RuleFile> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(new RuleFile("rules/test/f" + i + ".drl", HEADER + files[i]));
        }
        List<DrlOutline.RuleText> rules = DrlOutline.rules(sources);
        assertEquals(1, rules.size(), rules.toString());
        return rules.get(0);
    }

    @Test
    void shouldReadANamedConsequence() {
        DrlOutline.RuleText rule = only("""
                rule "r" when
                    $s : Symptom( code == "headache" )
                    do[severe]
                then
                    insert(redFlag("plain_flag", $s));
                then[severe]
                    insert(redFlag("named_flag", $s));
                end
                """);
        assertTrue(rule.consequence().contains("named_flag"), rule.consequence());
        assertTrue(rule.conditions().contains("\"headache\""), rule.conditions());
    }

    @Test
    void shouldReadTheCodeOfAnAccumulate() {
        DrlOutline.RuleText rule = only("""
                rule "r" when
                    $n : Number( intValue > 1 ) from accumulate( $s : Symptom( present ),
                        init( int n = 0; ), action( if ($s.getCode().equals("acc_code")) n++; ), result( n ) )
                then
                end
                """);
        assertTrue(rule.conditions().contains("acc_code"), rule.conditions());
    }

    @Test
    void shouldReadTheFunctionsARuleCallsThroughOtherFunctionsAndOtherFiles() {
        DrlOutline.RuleText rule = only("""
                function boolean outer(Symptom s) { return inner(s); }
                rule "r" when
                    $s : Symptom( outer(this) )
                then
                    insert(redFlag(flagOf($s), $s));
                end
                """, """
                function boolean inner(Symptom s) { return s.inGroup("inner_group"); }
                function String flagOf(Symptom s) { return "flag_of_function"; }
                """);
        assertTrue(rule.conditions().contains("inner_group"), rule.conditions());
        assertTrue(rule.consequence().contains("flag_of_function"), rule.consequence());
        assertEquals("rules/test/f0.drl", rule.file().path());
    }

    @Test
    void shouldLeaveOutCommentsButNotStringsThatLookLikeThem() {
        DrlOutline.RuleText rule = only("""
                rule "r" when
                    $s : Symptom( code == "headache" ) // code == "commented_code"
                then
                    /* insert(redFlag("commented_flag", $s)); */
                    String a = "see http://example.org"; insert(redFlag("after_url", $s));
                    String b = "a/*b"; insert(redFlag("after_star", $s));
                end
                """);
        assertFalse(rule.conditions().contains("commented_code"), rule.conditions());
        assertFalse(rule.consequence().contains("commented_flag"), rule.consequence());
        assertTrue(rule.consequence().contains("after_url") && rule.consequence().contains("after_star"), rule.consequence());
    }

    @Test
    void shouldReadARuleWhateverItsLayout() {
        DrlOutline.RuleText rule = only("""
                rule
                  "a rule \\"quoted\\" over lines" when $s : Symptom( code == "headache" ) then insert(redFlag("x", $s)); end
                """);
        assertTrue(rule.name().contains("quoted") && rule.name().endsWith("over lines"), rule.name());
        assertTrue(rule.consequence().contains("redFlag(\"x\""), rule.consequence());
    }
}
