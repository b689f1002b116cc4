package dev.triageapi.triage.engine;

import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static dev.triageapi.triage.engine.Rules.assess;
import static dev.triageapi.triage.engine.Rules.redFlagCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five stroke signs of the source article, fired directly against the engine. */
class StrokeRulesTest {

    static Symptom symptom(String code, Onset onset) {
        return Symptom.builder(code).onset(onset).build();
    }

    static Symptom weakness(String code, Onset onset, Side side, Set<BodyLocation> locations, Double hours) {
        return Symptom.builder(code).onset(onset).side(side).locations(locations).hoursSinceOnset(hours).build();
    }

    @Test
    void shouldCallAmbulanceForSuddenOneSidedWeakness() {
        Assessment a = assess(weakness("muscle_weakness", Onset.SUDDEN, Side.LEFT, Set.of(BodyLocation.ARM), 1.0));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertEquals(java.util.List.of("stroke_sudden_one_sided_weakness"), redFlagCodes(a));
        assertTrue(Rules.conditionCodes(a).contains("stroke"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"numbness", "paralysis"})
    void shouldCallAmbulanceForSuddenOneSidedNumbnessOrParalysisAlone(String code) {
        assertEquals(Urgency.EMERGENCY_AMBULANCE,
                assess(weakness(code, Onset.SUDDEN, Side.RIGHT, Set.of(BodyLocation.LEG), null)).urgency());
    }

    @Test
    void shouldTreatSuddenWeaknessWithoutSideOrLocationAsAStrokeSign() {
        Assessment a = assess(symptom("muscle_weakness", Onset.SUDDEN));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertEquals(java.util.List.of("stroke_sudden_one_sided_weakness"), redFlagCodes(a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"confusion", "difficulty_speaking", "difficulty_understanding", "vision_change",
            "double_vision", "dizziness", "difficulty_walking", "loss_of_coordination"})
    void shouldCallAmbulanceForEachSuddenStrokeSign(String code) {
        Assessment a = assess(symptom(code, Onset.SUDDEN));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency(), code);
        assertTrue(redFlagCodes(a).stream().allMatch(f -> f.startsWith("stroke_")), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"confusion", "difficulty_speaking", "difficulty_understanding", "vision_change",
            "double_vision", "dizziness", "difficulty_walking", "loss_of_coordination", "muscle_weakness", "numbness"})
    void shouldNotCallAmbulanceForTheGradualVersionOfAStrokeSign(String code) {
        Assessment a = assess(symptom(code, Onset.GRADUAL));
        assertTrue(a.urgency().compareTo(Urgency.CONSULTATION_24) <= 0, code + " gave " + a.urgency());
        assertTrue(a.redFlags().isEmpty(), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"confusion", "difficulty_speaking", "vision_change", "dizziness", "muscle_weakness"})
    void shouldSendUnknownOnsetStrokeSignsToEmergencyAndAskWhetherItWasSudden(String code) {
        Assessment a = assess(symptom(code, null));
        assertEquals(Urgency.EMERGENCY, a.urgency(), code);
        assertEquals(List.of("stroke_sign_onset_unknown"), redFlagCodes(a));
        FollowUp question = a.followUps().stream().filter(q -> q.modifier().equals("onset")).findFirst().orElseThrow();
        assertEquals(code, question.symptom());
        assertEquals("sudden", question.value());
        assertEquals(Urgency.EMERGENCY_AMBULANCE, question.couldRaiseTo());
    }

    /** Begun within the day, any stroke sign but a weakness or numbness on both sides calls an ambulance: so it is asked. */
    @ParameterizedTest
    @ValueSource(strings = {"confusion", "difficulty_speaking", "vision_change", "dizziness"})
    void shouldAskHowLongAgoAStrokeSignOfUnknownOnsetAndTimeBegan(String code) {
        Assessment a = assess(symptom(code, null));
        FollowUp question = a.followUps().stream().filter(q -> q.modifier().equals("hoursSinceOnset")).findFirst().orElseThrow();
        assertEquals(Urgency.EMERGENCY_AMBULANCE, question.couldRaiseTo(), code);
        Assessment recent = assess(Symptom.builder(code).hoursSinceOnset(3.0).build());
        assertEquals(Urgency.EMERGENCY_AMBULANCE, recent.urgency(), code);
        assertTrue(redFlagCodes(recent).contains("recent_stroke_sign_onset_unknown"), code);
    }

    @Test
    void shouldCallAmbulanceForOneSidedWeaknessOfUnknownOnsetThatBeganWithin24Hours() {
        Assessment a = assess(weakness("muscle_weakness", null, Side.LEFT, Set.of(BodyLocation.LEG), 6.0));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertTrue(redFlagCodes(a).contains("stroke_new_one_sided_weakness"));
        assertTrue(a.followUps().isEmpty(), "no question can raise an ambulance call");
    }

    @Test
    void shouldCallAmbulanceForSuddenSevereHeadacheWithNoKnownTrigger() {
        Symptom headache = Symptom.builder("headache").onset(Onset.SUDDEN).severity(Severity.SEVERE).build();
        assertEquals(Urgency.EMERGENCY_AMBULANCE, assess(headache).urgency());
        assertEquals(java.util.List.of("stroke_sudden_severe_headache"), redFlagCodes(assess(headache)));
    }

    @Test
    void shouldNotTreatASuddenSevereHeadacheWithAKnownTriggerAsAStrokeSign() {
        Symptom familiar = Symptom.builder("headache")
                .onset(Onset.SUDDEN)
                .severity(Severity.SEVERE)
                .knownTrigger(true)
                .recurring(true)
                .build();
        assertEquals(Urgency.CONSULTATION_24, assess(familiar).urgency());
        assertTrue(assess(familiar).redFlags().isEmpty());

        Symptom firstOfItsKind = Symptom.builder("headache")
                .onset(Onset.SUDDEN)
                .severity(Severity.SEVERE)
                .hoursSinceOnset(1.0)
                .knownTrigger(true)
                .build();
        Assessment a = assess(firstOfItsKind);
        assertEquals(Urgency.EMERGENCY, a.urgency(), "a trigger reassures only for a familiar headache");
        assertEquals(java.util.List.of("sudden_severe_headache_with_trigger"), redFlagCodes(a));
    }

    @Test
    void shouldTreatOneSidedLimbWeaknessThatDevelopedWithinADayAsAnEvolvingStroke() {
        Assessment a = assess(weakness("muscle_weakness", Onset.GRADUAL, Side.RIGHT, Set.of(BodyLocation.LEG), 3.0));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertEquals(java.util.List.of("stroke_new_one_sided_weakness"), redFlagCodes(a));
        Assessment faceOnly = assess(weakness("muscle_weakness", Onset.GRADUAL, Side.RIGHT, Set.of(BodyLocation.FACE), 3.0));
        assertEquals(Urgency.CONSULTATION_24, faceOnly.urgency(), "face-only weakness over hours is the Bell's palsy pattern");
        Assessment unknownDuration = assess(weakness("muscle_weakness", Onset.GRADUAL, Side.RIGHT, Set.of(BodyLocation.ARM), null));
        assertEquals("hoursSinceOnset", unknownDuration.followUps().get(0).modifier());
    }

    @Test
    void shouldStepDownAStrokeSignByHowLongAgoItBegan() {
        assertEquals(Urgency.EMERGENCY_AMBULANCE, assess(weakness("numbness", Onset.SUDDEN, Side.LEFT, Set.of(BodyLocation.ARM), 20.0)).urgency());
        assertEquals(Urgency.EMERGENCY, assess(weakness("numbness", Onset.SUDDEN, Side.LEFT, Set.of(BodyLocation.ARM), 72.0)).urgency());
        assertEquals(Urgency.CONSULTATION, assess(weakness("numbness", Onset.SUDDEN, Side.LEFT, Set.of(BodyLocation.ARM), 40_000.0)).urgency());
    }

    @Test
    void shouldAskAboutSeverityOfASuddenHeadache() {
        Assessment a = assess(Symptom.builder("headache").onset(Onset.SUDDEN).build());
        assertEquals(Urgency.CONSULTATION_24, a.urgency());
        assertEquals("severity", a.followUps().get(0).modifier());
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.followUps().get(0).couldRaiseTo());
    }

    @Test
    void shouldNotFireOnAStrokeSignReportedAbsent() {
        Symptom absent = Symptom.builder("difficulty_speaking")
                .status(SymptomStatus.ABSENT)
                .onset(Onset.SUDDEN)
                .build();
        Symptom fatigue = Symptom.builder("fatigue").severity(Severity.MILD).hoursSinceOnset(24.0).build();
        Assessment a = assess(absent, fatigue);
        assertTrue(a.redFlags().isEmpty());
    }

    @Test
    void shouldSendSuddenWeaknessOfBothLegsToEmergencyRatherThanAsAStroke() {
        Assessment a = assess(weakness("muscle_weakness", Onset.SUDDEN, Side.BOTH, Set.of(BodyLocation.LEG), 2.0));
        assertEquals(Urgency.EMERGENCY, a.urgency());
        assertEquals(java.util.List.of("sudden_weakness_both_legs"), redFlagCodes(a));
    }

    @Test
    void shouldRecordTheRuleThatSetTheUrgencyAndWhereItIsWritten() {
        Assessment a = assess(weakness("muscle_weakness", Onset.SUDDEN, Side.LEFT, Set.of(BodyLocation.FACE), 0.5));
        assertEquals("rules/emergency/stroke.drl", a.decidedBy().file());
        assertTrue(a.decidedBy().line() > 0);
        assertTrue(a.trace().stream().anyMatch(f -> f.rule().equals(a.decidedBy()) && f.matched().contains("muscle_weakness")));
    }
    @Test
    void shouldCallAmbulanceForAFaceDroopFoundOnWakingWhoseOnsetNoOneKnows() {
        Symptom droop = Symptom.builder("muscle_weakness").locations(Set.of(BodyLocation.FACE)).noticedOnWaking(true).build();
        Assessment a = assess(droop);
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertTrue(redFlagCodes(a).contains("stroke_sign_on_waking"), redFlagCodes(a).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"numbness", "paralysis", "difficulty_speaking", "confusion", "vision_change", "dizziness"})
    void shouldCallAmbulanceForEachStrokeSignFoundOnWakingThisMorning(String code) {
        // No hours given: found on waking is the only thing that tells the sign is new.
        Symptom found = Symptom.builder(code).side(Side.LEFT).noticedOnWaking(true).build();
        Assessment a = assess(found);
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertTrue(redFlagCodes(a).contains("stroke_sign_on_waking"), redFlagCodes(a).toString());
        // The same sign without that answer is one of unknown onset and age: an emergency department, and a question.
        Symptom unsaid = Symptom.builder(code).side(Side.LEFT).build();
        assertEquals(Urgency.EMERGENCY, assess(unsaid).urgency());
    }

    @Test
    void shouldNotCallAmbulanceForBothHandsNumbOnWakingOrADizzinessThatComesEveryMorning() {
        Symptom hands = Symptom.builder("numbness").side(Side.BOTH).locations(Set.of(BodyLocation.HAND)).noticedOnWaking(true).build();
        assertEquals(Urgency.EMERGENCY, assess(hands).urgency());
        Symptom mornings = Symptom.builder("dizziness").noticedOnWaking(true).recurring(true).build();
        assertTrue(!redFlagCodes(assess(mornings)).contains("stroke_sign_on_waking"));
    }

    @Test
    void shouldSendAStrokeSignFoundOnWakingDaysAgoToAnEmergencyDepartment() {
        Symptom found = Symptom.builder("difficulty_speaking").noticedOnWaking(true).hoursSinceOnset(60.0).build();
        Assessment a = assess(found);
        assertEquals(Urgency.EMERGENCY, a.urgency());
        assertEquals(List.of("stroke_sign_onset_unknown"), redFlagCodes(a));
    }

    @Test
    void shouldKeepAStrokeSignInsideTheDayWindowWhenLastKnownWellWithinADay() {
        // Onset and hours since onset unknown: without the hours since last known well, an emergency department.
        Symptom weakness = Symptom.builder("muscle_weakness").side(Side.LEFT).locations(Set.of(BodyLocation.ARM))
                .hoursSinceLastKnownWell(9.0).build();
        assertEquals(Urgency.EMERGENCY_AMBULANCE, assess(weakness).urgency());
        assertEquals(Urgency.EMERGENCY, assess(weakness.with(Modifier.HOURS_SINCE_LAST_KNOWN_WELL, 40.0)).urgency());
        Symptom speech = Symptom.builder("difficulty_speaking").hoursSinceLastKnownWell(9.0).build();
        assertEquals(Urgency.EMERGENCY_AMBULANCE, assess(speech).urgency());
    }
}
