package dev.triageapi.triage.engine;

import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.UrgencyFinding;
import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.triageapi.triage.engine.Rules.assess;
import static dev.triageapi.triage.engine.Rules.conditionCodes;
import static dev.triageapi.triage.engine.Rules.redFlagCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Botulism, breathing, lower levels and the engine's own guarantees, fired directly against the rules. */
class OtherRulesTest {

    static final Patient ANYONE = new Patient(null, null, null);

    static Symptom present(String code) {
        return Symptom.builder(code).build();
    }

    static Symptom with(String code, Onset onset, Severity severity, Double hours) {
        return Symptom.builder(code).onset(onset).severity(severity).hoursSinceOnset(hours).build();
    }

    @Test
    void shouldCallAmbulanceForWeaknessWithSevereAbdominalPain() {
        Assessment a = assess(with("muscle_weakness", Onset.GRADUAL, null, 10.0), with("abdominal_pain", null, Severity.SEVERE, null));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertTrue(redFlagCodes(a).contains("botulism_weakness_with_severe_abdominal_pain"));
        assertTrue(conditionCodes(a).contains("botulism"));
    }

    @Test
    void shouldCallAmbulanceForDroopingEyelidsAfterHomeCannedFood() {
        Assessment a = assess(ANYONE, List.of(with("drooping_eyelids", Onset.GRADUAL, null, 20.0)), List.of(new RiskFactor("home_canned_food")));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertEquals(List.of("home_canned_food", "drooping_eyelids").stream().sorted().toList(), a.redFlags().get(0).evidence());
    }

    @Test
    void shouldCallAmbulanceForWeaknessWithTroubleBreathing() {
        Assessment a = assess(with("muscle_weakness", Onset.GRADUAL, null, 48.0), present("difficulty_breathing"));
        assertTrue(redFlagCodes(a).contains("weakness_with_breathing_trouble"));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
    }

    @Test
    void shouldKeepAGradualStableSwallowingProblemBelowAnAmbulanceCall() {
        Symptom swallowing = Symptom.builder("difficulty_swallowing")
                .onset(Onset.GRADUAL)
                .hoursSinceOnset(2000.0)
                .worsening(false)
                .build();
        Assessment a = assess(with("muscle_weakness", Onset.GRADUAL, null, 4000.0), swallowing);
        assertEquals(Urgency.CONSULTATION_24, a.urgency());
        Symptom slowlyProgressing = Symptom.builder("difficulty_swallowing")
                .onset(Onset.GRADUAL)
                .hoursSinceOnset(2000.0)
                .worsening(true)
                .build();
        assertEquals(Urgency.CONSULTATION_24, assess(with("muscle_weakness", Onset.GRADUAL, null, 4000.0), slowlyProgressing).urgency(),
                "months of slow progression is a swallowing assessment, not an ambulance");
        Symptom recent = Symptom.builder("difficulty_swallowing").onset(Onset.GRADUAL).hoursSinceOnset(100.0).build();
        assertEquals(Urgency.EMERGENCY_AMBULANCE, assess(with("muscle_weakness", Onset.GRADUAL, null, 4000.0), recent).urgency(),
                "an unanswered 'getting worse?' is not a no");
    }

    @Test
    void shouldSendRapidlyProgressingWeaknessToEmergency() {
        Symptom weakness = Symptom.builder("muscle_weakness")
                .onset(Onset.GRADUAL)
                .side(Side.BOTH)
                .locations(Set.of(BodyLocation.LEG))
                .hoursSinceOnset(30.0)
                .worsening(true)
                .build();
        Assessment a = assess(weakness);
        assertEquals(Urgency.EMERGENCY, a.urgency());
        assertEquals(List.of("rapidly_progressing_weakness"), redFlagCodes(a));
    }

    @Test
    void shouldAdviseSelfCareOnlyForRecentMildTirednessWithConfirmedNormalStrength() {
        Symptom tired = with("fatigue", null, Severity.MILD, 48.0);
        Symptom strong = Symptom.builder("muscle_weakness").status(SymptomStatus.ABSENT).build();
        Patient notTreated = new Patient(30, null, false);
        assertEquals(Urgency.SELF_CARE, assess(notTreated, List.of(tired, strong), List.of()).urgency());
        assertEquals(Urgency.CONSULTATION, assess(tired, strong).urgency(), "treatment for weakness not denied");
        assertEquals(Urgency.CONSULTATION, assess(notTreated, List.of(tired), List.of()).urgency(), "strength not confirmed normal");
        assertEquals(Urgency.CONSULTATION, assess(notTreated, List.of(with("fatigue", null, Severity.MILD, null), strong), List.of()).urgency(), "duration unknown");
        assertEquals(Urgency.CONSULTATION, assess(notTreated, List.of(tired, strong), List.of(new RiskFactor("statin_use"))).urgency());
        assertEquals(Urgency.CONSULTATION, assess(new Patient(40, null, true), List.of(tired, strong), List.of()).urgency());
    }

    @Test
    void shouldAskTheTreatedPatientWithRecurringMildSymptomsToContactTheirDoctor() {
        Symptom recurring = Symptom.builder("muscle_weakness")
                .onset(Onset.GRADUAL)
                .severity(Severity.MILD)
                .hoursSinceOnset(2000.0)
                .worsening(false)
                .recurring(true)
                .build();
        Assessment a = assess(new Patient(50, null, true), List.of(recurring), List.of());
        assertEquals(Urgency.CONSULTATION, a.urgency());
        assertTrue(a.reasons().stream().anyMatch(r -> r.contains("being treated")));
    }

    @Test
    void shouldSuggestHypokalemiaForCrampsOnADiuretic() {
        Assessment a = assess(ANYONE, List.of(present("muscle_cramps")), List.of(new RiskFactor("diuretic_use")));
        assertTrue(conditionCodes(a).contains("hypokalemia"));
        assertEquals(List.of("diuretic_use", "muscle_cramps"), a.causeGroups().get(0).conditions().get(0).evidence());
        assertEquals("metabolic", a.causeGroups().get(0).group().code());
    }

    @Test
    void shouldNeverLetAnUnknownSymptomGoUntriaged() {
        Symptom unknown = Symptom.builder("muscle_pain").status(SymptomStatus.UNKNOWN).build();
        assertEquals(Urgency.CONSULTATION, assess(unknown).urgency());
    }

    @Test
    void shouldDropFollowUpQuestionsThatCouldNotRaiseTheUrgency() {
        Assessment a = assess(with("muscle_weakness", Onset.SUDDEN, null, 1.0), with("confusion", null, null, null));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertTrue(a.followUps().isEmpty(), a.followUps().toString());
    }

    @Test
    void shouldRefuseAnUrgencyFindingAtAnEmergencyLevel() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new UrgencyFinding(Urgency.EMERGENCY, "no red flag", List.of()));
    }
}
