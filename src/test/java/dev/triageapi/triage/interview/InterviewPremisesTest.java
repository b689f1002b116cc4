package dev.triageapi.triage.interview;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Consciousness;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.triageapi.testing.ClinicRules.ambulanceWhen;
import static dev.triageapi.testing.ClinicRules.alone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each premise the interview's savings stand on, kept by our rules and found broken by a rule a clinic could write
 * (compiled alone: where no rule gives a level the case gets a consultation).
 */
@AlongsideQuarkusTests
class InterviewPremisesTest {

    private static final InterviewPremises PREMISES = new InterviewPremises(Rules.CATALOG, InterviewPlan.load(Rules.CATALOG),
            new TriageEngine(Rules.CATALOG));

    /** Gradual numbness in a woman of 40: its complaint opens symptoms, risk factors (diabetes among them) and pregnancy. */
    private static final TriageCase NUMBNESS = new TriageCase(new Patient(40, Sex.FEMALE, null),
            List.of(Symptom.builder("numbness").onset(Onset.GRADUAL).build(),
                    Symptom.builder("fever").status(SymptomStatus.ABSENT).build()), List.of());

    /** The same with multiple sclerosis reported, which the bundled rules raise to consultation_24. */
    private static final TriageCase WITH_MULTIPLE_SCLEROSIS = new TriageCase(NUMBNESS.patient(), NUMBNESS.symptoms(),
            List.of(new RiskFactor("multiple_sclerosis")));

    /** Gradual tiredness in a woman of 30: its complaint opens weight loss, among others, and pregnancy. */
    private static final TriageCase TIRED = new TriageCase(new Patient(30, Sex.FEMALE, null),
            List.of(Symptom.builder("fatigue").onset(Onset.GRADUAL).build()), List.of());

    private static void assertBroken(RuleSet rules, String expected) {
        assertBroken(rules, NUMBNESS, expected);
    }

    private static void assertBroken(RuleSet rules, TriageCase c, String expected) {
        List<String> broken = PREMISES.broken(rules, c);
        assertTrue(broken.stream().anyMatch(p -> p.contains(expected)), () -> "expected \"" + expected + "\" among " + broken);
    }

    @Test
    void shouldFindEveryPremiseKeptByTheBundledRules() {
        assertEquals(List.of(), PREMISES.broken(Rules.RULES, NUMBNESS));
        assertEquals(List.of(), PREMISES.broken(Rules.RULES, TIRED));
        assertEquals(List.of(), PREMISES.broken(Rules.RULES, WITH_MULTIPLE_SCLEROSIS));
    }

    @Test
    void shouldFindAReportedRiskFactorThatLowersTheLevel() {
        assertBroken(alone(ambulanceWhen("Numbness without diabetes calls for an ambulance",
                "$s : Symptom( code == \"numbness\", present )",
                "not RiskFactor( code == \"diabetes\" )")),
                "riskFactor:diabetes: reporting it lowers emergency_ambulance");
    }

    @Test
    void shouldFindASymptomThatGetsLessAtItsWorstThanWithItsDetailsUnknown() {
        assertBroken(alone(ambulanceWhen("Back pain that is not severe calls for an ambulance",
                "$s : Symptom( code == \"back_pain\", present, !severe )")),
                "symptom:back_pain: at its most alarming it gets consultation, less than emergency_ambulance");
    }

    @Test
    void shouldFindADenialThatGetsMoreThanIDontKnow() {
        assertBroken(alone(ambulanceWhen("No fever calls for an ambulance",
                "$s : Symptom( code == \"fever\", absent )")),
                "symptom:fever: turning its \"no\" into \"I don't know\" lowers emergency_ambulance");
    }

    @Test
    void shouldFindAnOpenSymptomWhoseIDontKnowGetsLessThanNotMentioningIt() {
        assertBroken(alone(ambulanceWhen("Numbness with nothing said of a headache calls for an ambulance",
                "$s : Symptom( code == \"numbness\", present )",
                "not Symptom( code == \"headache\" )")),
                "symptom:headache: answering \"I don't know\" lowers emergency_ambulance");
    }

    @Test
    void shouldFindOpenRiskFactorsThatRaiseTheLevelAloneButNotTogether() {
        assertBroken(alone(ambulanceWhen("Numbness with diabetes but no cancer calls for an ambulance",
                "$s : Symptom( code == \"numbness\", present )",
                "$r : RiskFactor( code == \"diabetes\" )",
                "not RiskFactor( code == \"cancer_history\" )")),
                "every open risk factor reported together stays at consultation, where one of them alone gets emergency_ambulance");
    }

    /** The interview judges an unmentioned symptom by its most alarming forms, which a long-standing one is not. */
    @Test
    void shouldFindASymptomThatGetsMoreInAMilderFormThanAtItsMostAlarming() {
        assertBroken(alone(ambulanceWhen("Weight loss for over four weeks calls for an ambulance",
                "$s : Symptom( code == \"weight_loss\", present, lastedOver(Hours.FOUR_WEEKS) )")), TIRED,
                "symptom:weight_loss: with hoursSinceOnset 4_to_6_weeks it gets emergency_ambulance, more than");
    }

    /** The interview never tries a risk factor's "no": it takes the answer to raise nothing. */
    @Test
    void shouldFindARiskFactorWhoseNoGetsMoreThanItsYes() {
        assertBroken(alone(ambulanceWhen("Numbness with diabetes denied calls for an ambulance",
                "$s : Symptom( code == \"numbness\", present )",
                "RiskFactorAbsent( code == \"diabetes\" )")),
                "riskFactor:diabetes: answering no gets emergency_ambulance, more than consultation");
    }

    /** The interview tries "pregnant" for the pregnancy question, taking it to get the most. */
    @Test
    void shouldFindAPregnancyAnswerThatGetsMoreThanPregnant() {
        assertBroken(alone(ambulanceWhen("Tiredness after giving birth calls for an ambulance",
                "Patient( pregnancy == Pregnancy.POSTPARTUM )",
                "$s : Symptom( code == \"fatigue\", present )")), TIRED,
                "pregnancy: answering postpartum gets emergency_ambulance, more than");
    }

    /** The interview tries one age of each band of the plan; a rule for the nineties is between its last two. */
    @Test
    void shouldFindAnAgeTheRulesSetApartWithinABandOfThePlan() {
        TriageCase ageless = new TriageCase(new Patient(null, Sex.MALE, null),
                List.of(Symptom.builder("fatigue").onset(Onset.GRADUAL).build()), List.of());
        assertBroken(alone(ambulanceWhen("Tiredness from ninety calls for an ambulance",
                "Patient( agedAtLeast(90) )", "$s : Symptom( code == \"fatigue\", present )")), ageless,
                "age: at 90 it gets emergency_ambulance, at 65, the age the interview tries for 65 to 120, consultation");
    }

    /**
     * A child's blood pressure is low below 70 + 2 x age, a bound that changes every year to ten: with a pressure of
     * 88, ten and eleven call an ambulance where eight and nine do not, so the plan tries every year under 12.
     */
    @Test
    void shouldFindEveryAgeOfAChildGettingWhatTheAgeTriedForItGetsOnTheBundledRules() {
        TriageCase feverish = new TriageCase(new Patient(8, Sex.MALE, null), List.of(Symptom.builder("fever").build()),
                List.of(), List.of(), new VitalSigns(20, 98, false, 88, 100, 38.0, Consciousness.ALERT, null), null);
        assertEquals(List.of(), PREMISES.brokenWithoutTheAge(Rules.RULES, feverish));
    }
}
