package dev.triageapi.triage.engine;

import dev.triageapi.triage.facts.News2;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Consciousness;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.runtime.KieSession;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NEWS2 rules (rules/vitals/news2.drl) against the RCP chart (2017, scale 1), each band's edges copied here from
 * the chart itself rather than from the rule file, and the bands' consequences. Rules fired directly, no HTTP.
 */
class News2RulesTest {

    @ParameterizedTest(name = "respiration {0}/min scores {1}")
    @CsvSource({"1,3", "8,3", "9,1", "11,1", "12,0", "20,0", "21,2", "24,2", "25,3", "80,3"})
    void shouldScoreRespirationAsTheChartDoes(int rate, int points) {
        assertEquals(points, score(vitals(rate, null, null, null, null, null, null)).respiration());
    }

    @ParameterizedTest(name = "saturation {0}% scores {1}")
    @CsvSource({"50,3", "91,3", "92,2", "93,2", "94,1", "95,1", "96,0", "100,0"})
    void shouldScoreSaturationOnScaleOne(int percent, int points) {
        assertEquals(points, score(vitals(null, percent, null, null, null, null, null)).saturation());
    }

    @ParameterizedTest(name = "systolic {0} scores {1}")
    @CsvSource({"40,3", "90,3", "91,2", "100,2", "101,1", "110,1", "111,0", "219,0", "220,3", "300,3"})
    void shouldScoreSystolicPressureAsTheChartDoes(int mmHg, int points) {
        assertEquals(points, score(vitals(null, null, null, mmHg, null, null, null)).systolic());
    }

    @ParameterizedTest(name = "pulse {0} scores {1}")
    @CsvSource({"20,3", "40,3", "41,1", "50,1", "51,0", "90,0", "91,1", "110,1", "111,2", "130,2", "131,3", "250,3"})
    void shouldScorePulseAsTheChartDoes(int rate, int points) {
        assertEquals(points, score(vitals(null, null, null, null, rate, null, null)).pulse());
    }

    @ParameterizedTest(name = "temperature {0} scores {1}")
    @CsvSource({"25.0,3", "35.0,3", "35.1,1", "36.0,1", "36.1,0", "38.0,0", "38.1,1", "39.0,1", "39.1,2", "45.0,2"})
    void shouldScoreTemperatureAsTheChartDoes(double celsius, int points) {
        assertEquals(points, score(vitals(null, null, null, null, null, celsius, null)).temperature());
    }

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({"ALERT,0", "NEW_CONFUSION,3", "VOICE,3", "PAIN,3", "UNRESPONSIVE,3"})
    void shouldScoreAnythingButAlertAsThree(Consciousness level, int points) {
        assertEquals(points, score(vitals(null, null, null, null, null, null, level)).consciousness());
    }

    @Test
    void shouldScoreSupplementalOxygenAsTwoAndAirAsNothing() {
        assertEquals(2, score(new VitalSigns(null, 97, true, null, null, null, null, null)).oxygen());
        assertEquals(0, score(new VitalSigns(null, 97, false, null, null, null, null, null)).oxygen());
    }

    @Test
    void shouldAddThePointsOfEveryMeasuredParameterAndNothingForTheOthers() {
        News2 n = score(new VitalSigns(26, 91, false, 98, 118, 38.6, Consciousness.ALERT, null));
        assertEquals(3 + 3 + 0 + 2 + 2 + 0 + 1, n.getTotal());
        assertEquals(3, n.getHighestSingle());
        assertEquals(0, score(new VitalSigns(null, null, null, null, null, null, null, 5.0)).getTotal());
    }

    /** The NHS Wales emergency department IG's worked example, part by part: the IG's own scores, but 0 for 37.5 °C. */
    @Test
    void shouldScoreThePublishedNhsWorkedExampleAsTheChartDoes() {
        News2 n = score(new VitalSigns(21, 93, false, 120, 95, 37.5, Consciousness.ALERT, null));
        assertEquals(List.of(2, 2, 0, 0, 1, 0, 0),
                List.of(n.respiration(), n.saturation(), n.oxygen(), n.systolic(), n.pulse(), n.consciousness(), n.temperature()));
        assertEquals(5, n.getTotal(), "the IG says 6, counting a point for 37.5 °C that the RCP chart does not give");
    }

    @Test
    void shouldMapEachBandToItsUrgency() {
        assertEquals(Urgency.EMERGENCY_AMBULANCE, urgency(new VitalSigns(26, 91, false, 98, 118, 38.6, Consciousness.ALERT, null)));
        assertEquals(Urgency.EMERGENCY, urgency(new VitalSigns(22, 95, false, 130, 112, 37.0, Consciousness.ALERT, null)));
        assertEquals(Urgency.EMERGENCY, urgency(new VitalSigns(null, null, null, 88, null, null, null, null)));
        Assessment low = assess(new Patient(40, Sex.MALE, null), new VitalSigns(16, 97, false, 120, 104, 37.0, Consciousness.ALERT, null));
        assertEquals(Urgency.CONSULTATION, low.urgency());
        assertTrue(low.reasons().contains(Rules.CATALOG.reason("news2_low").orElseThrow().text()), low.reasons().toString());
    }

    @Test
    void shouldNotScoreAChildButStillCallForAnUnresponsiveOne() {
        Patient child = new Patient(8, Sex.FEMALE, null);
        assertTrue(scores(child, vitals(30, null, null, null, 140, null, null)).isEmpty());
        Assessment a = assess(child, new VitalSigns(null, null, null, null, null, null, Consciousness.UNRESPONSIVE, null));
        assertEquals(Urgency.EMERGENCY_AMBULANCE, a.urgency());
        assertTrue(Rules.redFlagCodes(a).contains("reduced_consciousness"));
    }

    @Test
    void shouldScoreInPregnancyBecauseAFalseAlarmIsTheSafeError() {
        Patient pregnant = new Patient(30, Sex.FEMALE, null, Pregnancy.PREGNANT);
        assertFalse(scores(pregnant, vitals(22, null, null, null, 112, null, null)).isEmpty());
    }

    private static VitalSigns vitals(Integer rr, Integer spo2, Boolean o2, Integer sbp, Integer hr, Double temp, Consciousness c) {
        return new VitalSigns(rr, spo2, o2, sbp, hr, temp, c, null);
    }

    private static News2 score(VitalSigns v) {
        List<News2> found = scores(new Patient(40, Sex.MALE, null), v);
        assertEquals(1, found.size(), "one NEWS2 score per case");
        return found.get(0);
    }

    private static List<News2> scores(Patient patient, VitalSigns v) {
        KieSession session = Rules.RULES.kieBase().newKieSession();
        try {
            session.insert(patient);
            session.insert(Symptom.builder("fatigue").build());
            session.insert(v);
            session.fireAllRules();
            return session.getObjects(o -> o instanceof News2).stream().map(News2.class::cast).toList();
        } finally {
            session.dispose();
        }
    }

    private static Urgency urgency(VitalSigns v) {
        return assess(new Patient(40, Sex.MALE, null), v).urgency();
    }

    private static Assessment assess(Patient patient, VitalSigns v) {
        return Rules.assess(new TriageCase(patient, List.of(Symptom.builder("fatigue").hoursSinceOnset(20.0).build()), List.of(), List.of(), v));
    }
}
