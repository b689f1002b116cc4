package dev.triageapi.triage.engine;

import dev.triageapi.triage.facts.LabResults;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each laboratory threshold on both sides of its bound, fired directly without HTTP. */
class LabRulesTest {

    static Urgency level(LabResults labs) {
        Symptom tired = Symptom.builder("fatigue").onset(Onset.GRADUAL).hoursSinceOnset(400.0).build();
        return Rules.assess(new TriageCase(new Patient(45, null, null, null), List.of(tired), List.of(), List.of(), null, labs)).urgency();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "potassium, 6.5, emergency", "potassium, 6.49, consultation_24", "potassium, 6.0, consultation_24",
            "potassium, 5.99, consultation", "potassium, 5.5, consultation", "potassium, 2.49, emergency",
            "potassium, 2.5, consultation_24", "potassium, 2.99, consultation_24", "potassium, 3.0, consultation",
            "sodium, 124.9, emergency", "sodium, 125, consultation_24", "sodium, 129.9, consultation_24",
            "sodium, 130, consultation", "sodium, 160, emergency", "sodium, 159.9, consultation_24", "sodium, 150, consultation_24",
            "calcium, 3.5, emergency", "calcium, 3.49, consultation_24", "calcium, 3.0, consultation_24",
            "calcium, 2.99, consultation", "calcium, 1.89, emergency", "calcium, 1.9, consultation",
            "creatineKinase, 5000, emergency", "creatineKinase, 4999, consultation_24", "creatineKinase, 1000, consultation_24"})
    void shouldTriageEachResultByTheBandItFallsIn(String analyte, double value, String expected) {
        LabResults labs = switch (analyte) {
            case "potassium" -> new LabResults(value, null, null, null);
            case "sodium" -> new LabResults(null, value, null, null);
            case "calcium" -> new LabResults(null, null, value, null);
            default -> new LabResults(null, null, null, value);
        };
        assertEquals(expected, level(labs).code());
    }
}
