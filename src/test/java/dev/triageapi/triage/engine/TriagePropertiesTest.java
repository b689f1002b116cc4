package dev.triageapi.triage.engine;

import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.testing.ModifierValues;
import dev.triageapi.testing.Seeds;
import dev.triageapi.triage.facts.LabResults;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.SymptomBuilder;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Consciousness;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Safety properties of the rule set over random symptom sets, checked on the engine directly (seeded, see {@link Seeds}). */
@Tag("properties")
@AlongsideQuarkusTests
class TriagePropertiesTest {

    static final List<String> SYMPTOMS = Rules.CATALOG.symptoms().stream().map(SymptomDefinition::code).toList();
    static final List<String> RISK_FACTORS = Rules.CATALOG.riskFactors().stream().map(r -> r.code()).toList();
    static final List<Double> HOURS = List.of(0.5, 3.0, 20.0, 48.0, 100.0, 400.0, 800.0, 5000.0);
    static final TriageEngine ENGINE = new TriageEngine(Rules.CATALOG);

    @Test
    void addingAPresentSymptomNeverLowersUrgency() {
        Seeds.forAllConcurrently(300, random -> {
            TriageCase base = triageCase(random);
            Symptom added = symptom(random);
            if (base.symptoms().stream().anyMatch(s -> s.getCode().equals(added.getCode()))) {
                return;
            }
            Symptom present = added.withStatus(SymptomStatus.PRESENT);
            List<Symptom> more = new ArrayList<>(base.symptoms());
            more.add(present);
            Urgency before = Rules.assess(base).urgency();
            Urgency after = Rules.assess(base.withSymptoms(more)).urgency();
            assertTrue(after.compareTo(before) >= 0, "adding " + present + " to " + base + " lowered " + before + " to " + after);
        });
    }

    /**
     * A worse form of a present symptom never lowers the level: more severe, sudden rather than gradual, getting worse
     * rather than not, everything else the same.
     */
    @Test
    void aMoreSevereSuddenOrWorseningFormOfASymptomNeverLowersUrgency() {
        List<Map.Entry<Modifier, List<Object>>> worse = List.of(
                Map.entry(Modifier.SEVERITY, List.of(Severity.MILD, Severity.MODERATE, Severity.SEVERE)),
                Map.entry(Modifier.ONSET, List.of(Onset.GRADUAL, Onset.SUDDEN)),
                Map.entry(Modifier.WORSENING, List.of(false, true)));
        Seeds.forAllConcurrently(400, random -> {
            TriageCase base = triageCase(random);
            int at = random.nextInt(base.symptoms().size());
            Symptom s = base.symptoms().get(at).withStatus(SymptomStatus.PRESENT);
            Map.Entry<Modifier, List<Object>> scale = worse.get(random.nextInt(worse.size()));
            if (!Rules.CATALOG.symptom(s.getCode()).orElseThrow().modifiers().contains(scale.getKey().code())) {
                return;
            }
            int lower = random.nextInt(scale.getValue().size() - 1);
            int higher = lower + 1 + random.nextInt(scale.getValue().size() - 1 - lower);
            Urgency milder = Rules.assess(withSymptom(base, at, s.with(scale.getKey(), scale.getValue().get(lower)))).urgency();
            Urgency worseForm = Rules.assess(withSymptom(base, at, s.with(scale.getKey(), scale.getValue().get(higher)))).urgency();
            assertTrue(worseForm.compareTo(milder) >= 0, () -> s.getCode() + " " + scale.getKey().code() + " "
                    + scale.getValue().get(higher) + " gives " + worseForm + ", " + scale.getValue().get(lower) + " gives "
                    + milder + ", in " + base);
        });
    }

    /**
     * A vital sign further from its normal range never lowers the level: a faster or slower breathing rate or pulse,
     * a lower saturation, a blood pressure further from 111 to 219, a higher or lower temperature, a lower blood glucose, consciousness less
     * than alert. Adults here; children against their own age's ranges below.
     */
    @Test
    void aVitalSignFurtherFromNormalNeverLowersUrgencyInAnAdult() {
        Seeds.forAllConcurrently(400, random -> {
            TriageCase base = triageCase(random);
            Patient adult = new Patient(16 + random.nextInt(90), base.patient().getSex(), base.patient().getUnderTreatment(),
                    base.patient().getPregnancy());
            VitalSigns measured = vitals(random);
            int which = random.nextInt(7);
            // The vital sign that moves starts anywhere in its plausible range, not only at the generator's few values.
            VitalSigns v = switch (which) {
                case 0 -> with(measured, 0, 4 + random.nextInt(37));
                case 1 -> with(measured, 1, 70 + random.nextInt(31));
                case 2 -> with(measured, 3, 60 + random.nextInt(201));
                case 3 -> with(measured, 4, 30 + random.nextInt(151));
                case 4 -> with(measured, 5, 34.0 + random.nextInt(71) / 10.0);
                case 5 -> with(measured, 7, 1.0 + random.nextInt(61) / 10.0);
                default -> measured;
            };
            VitalSigns worse = switch (which) {
                case 0 -> with(v, 0, further(random, v.respiratoryRate(), 12, 20, 4, 60));
                case 1 -> with(v, 1, Math.max(60, v.oxygenSaturation() - 1 - random.nextInt(8)));
                case 2 -> with(v, 3, further(random, v.systolicBloodPressure(), 111, 219, 50, 300));
                case 3 -> with(v, 4, further(random, v.heartRate(), 51, 90, 25, 220));
                case 4 -> with(v, 5, v.temperature() >= 37.0 ? v.temperature() + 0.1 + random.nextInt(20) / 10.0
                        : v.temperature() - 0.1 - random.nextInt(20) / 10.0);
                case 5 -> with(v, 7, Math.max(0.6, v.bloodGlucose() - 0.5 - random.nextInt(20) / 10.0));
                default -> new VitalSigns(v.respiratoryRate(), v.oxygenSaturation(), v.onSupplementalOxygen(), v.systolicBloodPressure(),
                        v.heartRate(), v.temperature(), v.consciousness() == null || v.consciousness() == Consciousness.ALERT
                        ? Consciousness.values()[1 + random.nextInt(Consciousness.values().length - 1)] : v.consciousness(), v.bloodGlucose());
            };
            if (worse == null) {
                return;
            }
            Urgency before = Rules.assess(new TriageCase(adult, base.symptoms(), base.riskFactors(), base.absentRiskFactors(), v)).urgency();
            Urgency after = Rules.assess(new TriageCase(adult, base.symptoms(), base.riskFactors(), base.absentRiskFactors(), worse)).urgency();
            assertTrue(after.compareTo(before) >= 0, () -> "age " + adult.getAge() + ": " + v + " gives " + before + ", " + worse
                    + " gives " + after + ", in " + base);
        });
    }

    /**
     * The same for a child under 16, against the child's own normal ranges: a breathing rate or pulse further from
     * normal for the age (faster or slower), a lower saturation, systolic pressure, temperature below 36 °C or glucose,
     * being put on oxygen, or less than alert never lowers the level. The children's
     * generator covers every age band the rules set apart (under 1, 1 to 2, 3 to 4, 5 to 15) and rates from far below
     * to far above normal.
     */
    @Test
    void aVitalSignFurtherFromNormalForTheAgeNeverLowersUrgencyInAChild() {
        Seeds.forAllConcurrently(400, random -> {
            TriageCase base = triageCase(random);
            int age = random.nextInt(16);
            Patient child = new Patient(age, base.patient().getSex(), base.patient().getUnderTreatment(), null);
            int[] rr = age < 1 ? new int[] {30, 50} : age < 3 ? new int[] {25, 40} : age < 5 ? new int[] {20, 30} : new int[] {15, 25};
            int[] hr = age < 1 ? new int[] {110, 160} : age < 3 ? new int[] {100, 150} : age < 5 ? new int[] {90, 140} : new int[] {70, 120};
            VitalSigns measured = new VitalSigns(Seeds.orNull(random, 0.3, 4 + random.nextInt(77)),
                    Seeds.orNull(random, 0.3, 85 + random.nextInt(16)), Seeds.orNull(random, 0.7, Boolean.TRUE, Boolean.FALSE),
                    Seeds.orNull(random, 0.6, 50 + random.nextInt(81)), Seeds.orNull(random, 0.3, 40 + random.nextInt(181)),
                    Seeds.orNull(random, 0.5, 35.0 + random.nextInt(50) / 10.0),
                    Seeds.orNull(random, 0.6, Consciousness.values()), Seeds.orNull(random, 0.7, 2.5 + random.nextInt(100) / 10.0));
            int which = random.nextInt(8);
            VitalSigns v = switch (which) {
                case 0 -> with(measured, 0, 4 + random.nextInt(77));
                case 1 -> with(measured, 1, 80 + random.nextInt(21));
                case 2 -> with(measured, 4, 40 + random.nextInt(181));
                case 3 -> with(measured, 7, 1.0 + random.nextInt(61) / 10.0);
                case 5 -> with(measured, 3, 50 + random.nextInt(81));
                case 6 -> with(measured, 5, 34.0 + random.nextInt(30) / 10.0);
                default -> measured;
            };
            VitalSigns worse = switch (which) {
                case 0 -> with(v, 0, further(random, v.respiratoryRate(), rr[0], rr[1], 0, 100));
                case 1 -> with(v, 1, Math.max(60, v.oxygenSaturation() - 1 - random.nextInt(8)));
                case 2 -> with(v, 4, further(random, v.heartRate(), hr[0], hr[1], 25, 250));
                case 3 -> with(v, 7, Math.max(0.6, v.bloodGlucose() - 0.5 - random.nextInt(20) / 10.0));
                case 5 -> with(v, 3, Math.max(30, v.systolicBloodPressure() - 1 - random.nextInt(20)));
                case 6 -> with(v, 5, Math.max(30.0, v.temperature() - 0.1 - random.nextInt(15) / 10.0));
                case 7 -> new VitalSigns(v.respiratoryRate(), v.oxygenSaturation(), true, v.systolicBloodPressure(), v.heartRate(),
                        v.temperature(), v.consciousness(), v.bloodGlucose());
                default -> new VitalSigns(v.respiratoryRate(), v.oxygenSaturation(), v.onSupplementalOxygen(), v.systolicBloodPressure(),
                        v.heartRate(), v.temperature(), v.consciousness() == null || v.consciousness() == Consciousness.ALERT
                        ? Consciousness.values()[1 + random.nextInt(Consciousness.values().length - 1)] : v.consciousness(), v.bloodGlucose());
            };
            if (worse == null) {
                return;
            }
            Urgency before = Rules.assess(new TriageCase(child, base.symptoms(), base.riskFactors(), base.absentRiskFactors(), v)).urgency();
            Urgency after = Rules.assess(new TriageCase(child, base.symptoms(), base.riskFactors(), base.absentRiskFactors(), worse)).urgency();
            assertTrue(after.compareTo(before) >= 0, () -> "age " + age + ": " + v + " gives " + before + ", " + worse
                    + " gives " + after + ", in " + base);
        });
    }

    /** A value moved away from the normal range [low, high]: up when above its middle, down when below. */
    private static Integer further(Random random, Integer value, int low, int high, int min, int max) {
        if (value == null) {
            return null;
        }
        return value * 2 >= low + high ? Math.min(max, value + 1 + random.nextInt(15)) : Math.max(min, value - 1 - random.nextInt(15));
    }

    /** The vital signs with the one at {@code index} (in the record's order) replaced; null when there is none to move. */
    private static VitalSigns with(VitalSigns v, int index, Number value) {
        if (value == null) {
            return null;
        }
        return new VitalSigns(index == 0 ? (Integer) value : v.respiratoryRate(), index == 1 ? (Integer) value : v.oxygenSaturation(),
                v.onSupplementalOxygen(), index == 3 ? (Integer) value : v.systolicBloodPressure(),
                index == 4 ? (Integer) value : v.heartRate(), index == 5 ? (Double) value : v.temperature(), v.consciousness(),
                index == 7 ? (Double) value : v.bloodGlucose());
    }

    /** Unknown is never no: a symptom whose onset is not known never gets less than the same one said to be gradual. */
    @Test
    void anUnknownOnsetNeverGetsLessThanAGradualOne() {
        Seeds.forAllConcurrently(400, random -> {
            TriageCase base = triageCase(random);
            int at = random.nextInt(base.symptoms().size());
            Symptom s = base.symptoms().get(at).withStatus(SymptomStatus.PRESENT);
            if (!Rules.CATALOG.symptom(s.getCode()).orElseThrow().modifiers().contains(Modifier.ONSET.code())) {
                return;
            }
            Urgency gradual = Rules.assess(withSymptom(base, at, s.with(Modifier.ONSET, Onset.GRADUAL))).urgency();
            Urgency unknown = Rules.assess(withSymptom(base, at, s.with(Modifier.ONSET, null))).urgency();
            assertTrue(unknown.compareTo(gradual) >= 0, () -> s.getCode() + " of unknown onset gives " + unknown
                    + ", gradual gives " + gradual + ", in " + base);
        });
    }

    private static TriageCase withSymptom(TriageCase c, int at, Symptom symptom) {
        List<Symptom> symptoms = new ArrayList<>(c.symptoms());
        symptoms.set(at, symptom);
        return c.withSymptoms(symptoms);
    }

    @Test
    void addingARiskFactorNeverLowersUrgency() {
        Seeds.forAllConcurrently(300, random -> {
            TriageCase base = triageCase(random);
            String factor = RISK_FACTORS.get(random.nextInt(RISK_FACTORS.size()));
            if (base.riskFactors().stream().anyMatch(r -> r.code().equals(factor))) {
                return;
            }
            List<RiskFactor> more = new ArrayList<>(base.riskFactors());
            more.add(new RiskFactor(factor));
            List<RiskFactorAbsent> denied = base.absentRiskFactors().stream().filter(r -> !r.code().equals(factor)).toList();
            Urgency before = Rules.assess(base).urgency();
            Urgency after = Rules.assess(new TriageCase(base.patient(), base.symptoms(), more, denied, base.vitals(), base.labs())).urgency();
            assertTrue(after.compareTo(before) >= 0, "adding " + factor + " to " + base + " lowered " + before + " to " + after);
        });
    }

    @Test
    void symptomOrderNeverChangesTheAnswer() {
        Seeds.forAllConcurrently(200, random -> {
            TriageCase base = triageCase(random);
            List<Symptom> shuffled = new ArrayList<>(base.symptoms());
            Collections.shuffle(shuffled, random);
            List<RiskFactor> factors = new ArrayList<>(base.riskFactors());
            Collections.shuffle(factors, random);
            List<RiskFactorAbsent> denied = new ArrayList<>(base.absentRiskFactors());
            Collections.shuffle(denied, random);
            assertEquals(Rules.assess(base), Rules.assess(new TriageCase(base.patient(), shuffled, factors, denied, base.vitals(), base.labs())), base.toString());
        });
    }

    /**
     * What-if evaluations read only the level, reached without the rest of the verdict: it must be the same level, held
     * by as many findings (the interview takes the assessment for a what-if of the case).
     */
    @Test
    void aWhatIfEvaluationGivesTheLevelOfTheFullAssessment() {
        Seeds.forAllConcurrently(300, random -> {
            TriageCase c = triageCase(random);
            Probe probe = ENGINE.probe(Rules.RULES, c);
            Assessment assessed = Rules.assess(c);
            assertEquals(List.of(assessed.urgency(), assessed.holding()), List.of(probe.urgency(), probe.holding()), c.toString());
        });
    }

    @Test
    void theSameCaseAlwaysGetsTheSameAnswer() {
        Seeds.forAllConcurrently(100, random -> {
            TriageCase c = triageCase(random);
            assertEquals(Rules.assess(c), Rules.assess(c), c.toString());
        });
    }

    /**
     * What the interview relies on to spare evaluations: an answer the rules did not read when they assessed a case,
     * given any of its values, leaves the level as it was. (SymptomReadsTest checks that every reading notes what it
     * reads; this checks the rules and the engine around it.)
     */
    @Test
    void anAnswerTheRulesDidNotReadNeverChangesTheLevel() {
        Seeds.forAllConcurrently(200, random -> {
            TriageCase c = triageCase(random);
            Assessment a = Rules.assess(c);
            for (int i = 0; i < c.symptoms().size(); i++) {
                Symptom s = c.symptoms().get(i);
                for (String code : Rules.CATALOG.symptom(s.getCode()).orElseThrow().modifiers()) {
                    Modifier m = Modifier.byCode(code).orElseThrow();
                    if (s.get(m) != null || a.read().read(s.getCode(), m)) {
                        continue;
                    }
                    for (Object value : ModifierValues.of(m)) {
                        List<Symptom> answered = new ArrayList<>(c.symptoms());
                        answered.set(i, s.with(m, value));
                        TriageCase other = new TriageCase(c.patient(), answered, c.riskFactors(), c.absentRiskFactors(), c.vitals(), c.labs());
                        assertEquals(a.urgency(), ENGINE.urgency(Rules.RULES, other), () -> m + "=" + value + " of " + s.getCode()
                                + " was not read, yet changes the level of " + c);
                    }
                }
            }
        });
    }

    /** What-ifs run without the rules that conclude no level: they must give the level all the rules give. */
    @Test
    void aWhatIfGivesTheLevelOfTheWholeAssessment() {
        assertNotSame(Rules.RULES.sessions(), Rules.RULES.levelSessions(), "what-ifs run on fewer rules");
        Seeds.forAllConcurrently(300, random -> {
            TriageCase c = triageCase(random);
            assertEquals(Rules.assess(c).urgency(), ENGINE.urgency(Rules.RULES, c), c.toString());
        });
    }

    /**
     * A what-if that differs from a judged case in one symptom (added, taken away, or with other answers) runs on the
     * rules that can hold that symptom: whether it rises above the judged level, and its level and findings when it
     * does, and its exact level when expected at the judged one, must be what every rule gives.
     */
    @Test
    void aWhatIfAboutOneSymptomGivesWhatAllRulesGive() {
        int[] narrower = new int[1];
        Seeds.forAllConcurrently(400, random -> {
            TriageCase judged = triageCase(random);
            TriageEngine.Judged j = ENGINE.judge(Rules.RULES, judged, false);
            Urgency level = j.assessment().urgency();
            List<Symptom> symptoms = new ArrayList<>(judged.symptoms());
            Symptom changed = symptom(random);
            int at = -1;
            for (int i = 0; i < symptoms.size(); i++) {
                at = symptoms.get(i).getCode().equals(changed.getCode()) ? i : at;
            }
            if (at >= 0 && random.nextInt(4) == 0 && symptoms.size() > 1) {
                symptoms.remove(at);
            } else if (at >= 0) {
                symptoms.set(at, changed);
            } else {
                symptoms.add(random.nextInt(symptoms.size() + 1), changed);
            }
            TriageCase c = judged.withSymptoms(symptoms);
            Probe all = ENGINE.probeOnEveryRule(Rules.RULES, c);
            Probe above = j.prober().above(c, level);
            Probe exact = j.prober().level(c, level);
            assertEquals(List.of(all.urgency(), all.holding()), List.of(exact.urgency(), exact.holding()),
                    () -> "expected at " + level + ": " + judged + "\nthen " + c);
            boolean between = level.compareTo(Urgency.CONSULTATION) >= 0 && level != Urgency.EMERGENCY_AMBULANCE;
            if (between && c.onlySymptomChangedFrom(judged).isPresent()
                    && Rules.RULES.oneSymptom().narrower(Urgency.values()[level.ordinal() + 1], changed.getCode()).isPresent()) {
                synchronized (narrower) {
                    narrower[0]++;
                }
            }
            List<Object> expected = all.urgency().compareTo(level) > 0 ? List.of(all.urgency(), all.holding()) : List.of(level);
            List<Object> got = above.urgency().compareTo(level) > 0 ? List.of(above.urgency(), above.holding()) : List.of(above.urgency());
            assertEquals(expected, got, () -> "judged " + level + ": " + judged + "\nthen " + c);
        });
        assertTrue(narrower[0] > 50, "what-ifs on fewer rules tried: " + narrower[0]);
    }

    /**
     * What-ifs on the rules of one level and above: whatever level a case is expected at, its exact level and the
     * findings that hold it; whether it rises above a level, its exact level when it does and that level when not.
     */
    @Test
    void aWhatIfOnTheRulesOfOneLevelGivesWhatAllOfThemGive() {
        assertNotSame(Rules.RULES.levelSessions(), Rules.RULES.levelSessions(Urgency.EMERGENCY_AMBULANCE), "fewer rules for the top");
        Prober prober = ENGINE.prober(Rules.RULES);
        Seeds.forAllConcurrently(300, random -> {
            TriageCase c = triageCase(random);
            Probe all = ENGINE.probeOnEveryRule(Rules.RULES, c);
            for (Urgency level : Urgency.values()) {
                Probe expected = prober.level(c, level);
                assertEquals(List.of(all.urgency(), all.holding()), List.of(expected.urgency(), expected.holding()),
                        () -> "expected at " + level + ": " + c);
                Urgency above = prober.above(c, level).urgency();
                assertEquals(all.urgency().compareTo(level) > 0 ? all.urgency() : level, above, () -> "above " + level + ": " + c);
            }
        });
    }

    /** Sessions are pooled and reused: nothing of one patient may reach the next one's answer. */
    @Test
    void aReusedSessionAnswersLikeANewOne() {
        Seeds.forAllConcurrently(200, random -> {
            TriageCase earlier = triageCase(random);
            TriageCase c = triageCase(random);
            RuleSet unused = new RuleSet(Rules.RULES.kieBase(), Rules.RULES.kieBase().newKieSessionsPool(1),
                    Rules.RULES.version(), Rules.RULES.files(), Rules.RULES.rules());
            Rules.assess(earlier);
            assertEquals(ENGINE.assess(unused, c), Rules.assess(c), "after " + earlier + ": " + c);
        });
    }

    @Test
    void everyAnswerIsCompleteAndEveryEmergencyNamesItsRedFlag() {
        Seeds.forAllConcurrently(300, random -> {
            TriageCase c = triageCase(random);
            Assessment a = Rules.assess(c);
            assertNotNull(a.urgency());
            assertFalse(a.reasons().isEmpty(), "an answer without a reason: " + c);
            assertTrue(a.rulesVersion().startsWith("sha256:"));
            if (a.urgency().isEmergency()) {
                assertFalse(a.redFlags().isEmpty(), "emergency without a red flag: " + c);
                assertTrue(a.redFlags().stream().anyMatch(f -> f.definition().urgency() == a.urgency()), c.toString());
                assertNotNull(a.decidedBy());
            }
            a.followUps().forEach(q -> assertTrue(q.couldRaiseTo().compareTo(a.urgency()) > 0, "a question that cannot raise: " + c));
        });
    }

    @Test
    void addingAnAbnormalVitalSignNeverLowersUrgency() {
        Seeds.forAllConcurrently(300, random -> {
            TriageCase base = triageCase(random);
            VitalSigns worse = worsened(base.vitals(), random);
            Urgency before = Rules.assess(base).urgency();
            Urgency after = Rules.assess(new TriageCase(base.patient(), base.symptoms(), base.riskFactors(),
                    base.absentRiskFactors(), worse, base.labs())).urgency();
            assertTrue(after.compareTo(before) >= 0, "vitals " + worse + " on " + base + " lowered " + before + " to " + after);
        });
    }

    @Test
    void aLabResultFurtherFromNormalNeverLowersUrgency() {
        Seeds.forAllConcurrently(300, random -> {
            TriageCase base = triageCase(random);
            LabResults worse = furtherFromNormal(base.labs(), random);
            Urgency before = Rules.assess(base).urgency();
            Urgency after = Rules.assess(new TriageCase(base.patient(), base.symptoms(), base.riskFactors(),
                    base.absentRiskFactors(), base.vitals(), worse)).urgency();
            assertTrue(after.compareTo(before) >= 0, "labs " + worse + " on " + base + " lowered " + before + " to " + after);
        });
    }

    /** Unknown is never no: forgetting a denied risk factor, or turning an absent symptom to unknown, never lowers. */
    @Test
    void unansweringADenialNeverLowersUrgency() {
        Seeds.forAllConcurrently(300, random -> {
            TriageCase base = triageCase(random);
            Urgency before = Rules.assess(base).urgency();
            List<RiskFactorAbsent> fewer = new ArrayList<>(base.absentRiskFactors());
            if (!fewer.isEmpty()) {
                fewer.remove(random.nextInt(fewer.size()));
            }
            List<Symptom> symptoms = new ArrayList<>(base.symptoms());
            for (int i = 0; i < symptoms.size(); i++) {
                if (symptoms.get(i).isAbsent() && random.nextBoolean()) {
                    symptoms.set(i, symptoms.get(i).withStatus(SymptomStatus.UNKNOWN));
                }
            }
            Urgency after = Rules.assess(new TriageCase(base.patient(), symptoms, base.riskFactors(), fewer, base.vitals(), base.labs())).urgency();
            assertTrue(after.compareTo(before) >= 0, "unanswering on " + base + " lowered " + before + " to " + after);
        });
    }

    /** Self-care only with a pathway whose every screen question was answered no; every screen question's promise holds. */
    @Test
    void selfCareComesOnlyFromAScreenedPathwayAndScreenQuestionsKeepTheirPromise() {
        Seeds.forAllConcurrently(400, random -> {
            TriageCase c = selfCareShaped(random);
            Assessment a = Rules.assess(c);
            if (a.urgency() == Urgency.SELF_CARE) {
                assertNotNull(a.selfCare(), "self-care without a pathway: " + c);
                assertTrue(a.screenQuestions().isEmpty(), c.toString());
            } else {
                assertEquals(null, a.selfCare(), c.toString());
            }
            if (a.urgency().compareTo(Urgency.CONSULTATION) > 0) {
                assertTrue(a.reasons().stream().noneMatch(r -> r.contains("looked after at home")),
                        "a " + a.urgency() + " answer that also offers home care: " + a.reasons() + " for " + c);
            }
            a.screenQuestions().stream().map(Assessment.ScreenQuestion::pathway).distinct().forEach(pathway -> {
                List<Assessment.ScreenQuestion> open = a.screenQuestions().stream().filter(q -> q.pathway().equals(pathway)).toList();
                Urgency lowered = Rules.assess(WhatIfs.screened(c, open)).urgency();
                assertEquals(open.get(0).couldLowerTo(), lowered, "screen of " + pathway + " on " + c);
                assertTrue(lowered.compareTo(a.urgency()) < 0, c.toString());
            });
        });
    }

    /** A case near a self-care picture: one or two of the pictures' complaints, a trigger, a short course, some screen answers. */
    static TriageCase selfCareShaped(Random random) {
        List<String> complaints = List.of("muscle_pain", "fatigue", "fever", "muscle_cramps", "back_pain", "muscle_weakness", "headache", "sleep_problems");
        List<Symptom> symptoms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            String code = complaints.get(random.nextInt(complaints.size()));
            if (!codes.add(code)) {
                continue;
            }
            SymptomBuilder s = Symptom.builder(code).onset(Onset.GRADUAL).hoursSinceOnset(HOURS.get(random.nextInt(4)))
                    .worsening(Seeds.orNull(random, 0.2, false, true)).severity(Seeds.orNull(random, 0.1, Severity.MILD, Severity.MODERATE));
            Modifier.TRIGGER.choices().stream().skip(random.nextInt(4)).findFirst()
                    .ifPresent(t -> s.set(Modifier.TRIGGER, Modifier.TRIGGER.choice(t).orElseThrow()));
            symptoms.add(s.build());
        }
        for (var pathway : Rules.CATALOG.selfCarePathways()) {
            for (String code : pathway.screen().symptomsAbsent()) {
                if (random.nextDouble() < 0.7 && codes.add(code)) {
                    symptoms.add(Symptom.builder(code).status(SymptomStatus.ABSENT).build());
                }
            }
        }
        List<RiskFactorAbsent> denied = Rules.CATALOG.selfCarePathways().stream().flatMap(p -> p.screen().riskFactorsAbsent().stream())
                .distinct().filter(code -> random.nextDouble() < 0.7).map(RiskFactorAbsent::new).toList();
        Patient patient = new Patient(16 + random.nextInt(60), Seeds.orNull(random, 0.1, Sex.values()),
                Seeds.orNull(random, 0.3, true, false), Seeds.orNull(random, 0.4, Pregnancy.values()));
        return new TriageCase(patient, symptoms, List.of(), denied, random.nextDouble() < 0.7 ? null : vitals(random));
    }

    /** These vitals with one parameter made more abnormal (or measured abnormal where it was not measured). */
    static VitalSigns worsened(VitalSigns v, Random random) {
        VitalSigns b = v == null ? new VitalSigns(null, null, null, null, null, null, null, null) : v;
        return switch (random.nextInt(8)) {
            case 0 -> new VitalSigns(further(b.respiratoryRate(), 16, List.of(6, 10, 22, 28), random), b.oxygenSaturation(),
                    b.onSupplementalOxygen(), b.systolicBloodPressure(), b.heartRate(), b.temperature(), b.consciousness(), b.bloodGlucose());
            case 1 -> new VitalSigns(b.respiratoryRate(), Math.min(b.oxygenSaturation() == null ? 100 : b.oxygenSaturation(), 85 + random.nextInt(12)),
                    b.onSupplementalOxygen(), b.systolicBloodPressure(), b.heartRate(), b.temperature(), b.consciousness(), b.bloodGlucose());
            case 2 -> new VitalSigns(b.respiratoryRate(), b.oxygenSaturation(), true, b.systolicBloodPressure(), b.heartRate(),
                    b.temperature(), b.consciousness(), b.bloodGlucose());
            case 3 -> new VitalSigns(b.respiratoryRate(), b.oxygenSaturation(), b.onSupplementalOxygen(),
                    further(b.systolicBloodPressure(), 125, List.of(80, 95, 105, 230), random), b.heartRate(), b.temperature(), b.consciousness(), b.bloodGlucose());
            case 4 -> new VitalSigns(b.respiratoryRate(), b.oxygenSaturation(), b.onSupplementalOxygen(), b.systolicBloodPressure(),
                    further(b.heartRate(), 70, List.of(35, 45, 100, 120, 140), random), b.temperature(), b.consciousness(), b.bloodGlucose());
            case 5 -> new VitalSigns(b.respiratoryRate(), b.oxygenSaturation(), b.onSupplementalOxygen(), b.systolicBloodPressure(),
                    b.heartRate(), furtherTemperature(b.temperature(), random), b.consciousness(), b.bloodGlucose());
            case 6 -> new VitalSigns(b.respiratoryRate(), b.oxygenSaturation(), b.onSupplementalOxygen(), b.systolicBloodPressure(),
                    b.heartRate(), b.temperature(), lessAlert(b.consciousness(), random), b.bloodGlucose());
            default -> new VitalSigns(b.respiratoryRate(), b.oxygenSaturation(), b.onSupplementalOxygen(), b.systolicBloodPressure(),
                    b.heartRate(), b.temperature(), b.consciousness(), b.bloodGlucose() == null || b.bloodGlucose() >= 4.0
                    ? 1.5 + random.nextInt(25) / 10.0 : b.bloodGlucose() / 2);
        };
    }

    /** A level at least as far down the ACVPU scale as the current one, and below alert. */
    private static Consciousness lessAlert(Consciousness current, Random random) {
        int from = Math.max(1, current == null ? 1 : current.ordinal());
        return Consciousness.values()[from + random.nextInt(Consciousness.values().length - from)];
    }

    /** A value at least as far from {@code normal} as the current one (on its side, or any side when not measured). */
    private static Integer further(Integer current, int normal, List<Integer> abnormal, Random random) {
        List<Integer> candidates = abnormal.stream().filter(x -> current == null
                || (current < normal ? x <= current : current > normal ? x >= current : true)).toList();
        return candidates.isEmpty() ? current : candidates.get(random.nextInt(candidates.size()));
    }

    private static Double furtherTemperature(Double current, Random random) {
        if (current == null || current >= 36.1) {
            return Math.max(current == null ? 0 : current, 38.1 + random.nextInt(20) / 10.0);
        }
        return current - random.nextInt(10) / 10.0;
    }

    static VitalSigns vitals(Random random) {
        return new VitalSigns(Seeds.orNull(random, 0.3, 8, 12, 16, 22, 26), Seeds.orNull(random, 0.3, 90, 93, 95, 98),
                Seeds.orNull(random, 0.5, true, false), Seeds.orNull(random, 0.3, 85, 95, 105, 130, 225),
                Seeds.orNull(random, 0.3, 38, 45, 70, 100, 120, 140), Seeds.orNull(random, 0.3, 35.0, 35.8, 37.0, 38.5, 39.5),
                Seeds.orNull(random, 0.5, Consciousness.values()), Seeds.orNull(random, 0.5, 2.5, 3.5, 5.5, 12.0, 18.0));
    }

    /** A patient with 1 to 8 distinct symptoms (at least one not absent: the API refuses all-absent) and up to 4 risk factors. */
    static TriageCase triageCase(Random random) {
        Patient patient = new Patient(random.nextDouble() < 0.3 ? null : random.nextInt(121),
                Seeds.orNull(random, 0.3, Sex.values()), Seeds.orNull(random, 0.5, true, false),
                Seeds.orNull(random, 0.6, Pregnancy.values()));
        List<Symptom> symptoms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int count = 1 + random.nextInt(8);
        while (symptoms.size() < count) {
            Symptom s = symptom(random);
            if (codes.add(s.getCode())) {
                symptoms.add(s);
            }
        }
        if (symptoms.stream().allMatch(Symptom::isAbsent)) {
            Symptom first = symptoms.get(0);
            symptoms.set(0, first.withStatus(SymptomStatus.PRESENT));
        }
        List<String> shuffled = new ArrayList<>(RISK_FACTORS);
        Collections.shuffle(shuffled, random);
        int present = random.nextInt(5);
        List<RiskFactor> factors = shuffled.subList(0, present).stream().map(RiskFactor::new).toList();
        List<RiskFactorAbsent> denied = shuffled.subList(present, present + random.nextInt(6)).stream().map(RiskFactorAbsent::new).toList();
        return new TriageCase(patient, symptoms, factors, denied, random.nextDouble() < 0.6 ? null : vitals(random),
                random.nextDouble() < 0.6 ? null : labs(random));
    }

    /** Laboratory results across every band the rules read, each often missing. */
    static LabResults labs(Random random) {
        return new LabResults(Seeds.orNull(random, 0.4, 2.2, 2.8, 3.3, 4.2, 5.7, 6.2, 6.9),
                Seeds.orNull(random, 0.4, 118.0, 127.0, 132.0, 140.0, 152.0, 163.0),
                Seeds.orNull(random, 0.4, 1.7, 2.0, 2.4, 2.8, 3.2, 3.7), Seeds.orNull(random, 0.4, 150.0, 900.0, 2500.0, 12000.0));
    }

    /**
     * One result moved further from normal: potassium, sodium and calcium away from the middle of their ranges (4.2,
     * 140 and 2.4 mmol/L), creatine kinase up; a missing one measured abnormal.
     */
    static LabResults furtherFromNormal(LabResults l, Random random) {
        LabResults b = l == null ? new LabResults(null, null, null, null) : l;
        return switch (random.nextInt(4)) {
            case 0 -> new LabResults(away(b.potassium(), 4.2, 0.1 + random.nextInt(30) / 10.0, random), b.sodium(), b.calcium(), b.creatineKinase());
            case 1 -> new LabResults(b.potassium(), away(b.sodium(), 140, 1 + random.nextInt(25), random), b.calcium(), b.creatineKinase());
            case 2 -> new LabResults(b.potassium(), b.sodium(), away(b.calcium(), 2.4, 0.05 + random.nextInt(15) / 10.0, random), b.creatineKinase());
            default -> new LabResults(b.potassium(), b.sodium(), b.calcium(),
                    (b.creatineKinase() == null ? 100 : b.creatineKinase()) + 100 + random.nextInt(20000));
        };
    }

    private static Double away(Double value, double middle, double step, Random random) {
        if (value == null) {
            return random.nextBoolean() ? middle + step : middle - step;
        }
        return value >= middle ? value + step : value - step;
    }

    /** A symptom of the catalog with a random status and, for each modifier the catalog lets it carry, a random answer or none. */
    static Symptom symptom(Random random) {
        SymptomDefinition definition = Rules.CATALOG.symptoms().get(random.nextInt(SYMPTOMS.size()));
        SymptomBuilder symptom = Symptom.builder(definition.code())
                .status(Seeds.orNull(random, 0.4, SymptomStatus.values()));
        for (String code : definition.modifiers()) {
            Modifier modifier = Modifier.byCode(code).orElseThrow();
            if (random.nextDouble() < 0.4) {
                continue; // not answered: unknown
            }
            List<String> choices = modifier.choices();
            symptom.set(modifier, switch (modifier.kind()) {
                case CHOICE -> modifier.choice(choices.get(random.nextInt(choices.size()))).orElseThrow();
                case CHOICES -> {
                    List<Object> some = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) { // none at all too: an empty list is "not answered"
                        some.add(modifier.choice(choices.get(random.nextInt(choices.size()))).orElseThrow());
                    }
                    yield some;
                }
                case DECIMAL -> HOURS.get(random.nextInt(HOURS.size()));
                case BOOLEAN -> random.nextBoolean();
            });
        }
        return symptom.build();
    }
}
