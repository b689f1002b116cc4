package dev.triageapi.triage.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the rules may look at for one patient, already validated against the catalog: risk factors reported
 * present, those explicitly denied, the vital signs when any were measured and the laboratory results when any were
 * given ({@code null} otherwise).
 */
public record TriageCase(Patient patient, List<Symptom> symptoms, List<RiskFactor> riskFactors,
                         List<RiskFactorAbsent> absentRiskFactors, VitalSigns vitals, LabResults labs) {

    public TriageCase {
        symptoms = List.copyOf(symptoms);
        riskFactors = List.copyOf(riskFactors);
        absentRiskFactors = List.copyOf(absentRiskFactors);
    }

    /** A case with no laboratory results. */
    public TriageCase(Patient patient, List<Symptom> symptoms, List<RiskFactor> riskFactors,
                      List<RiskFactorAbsent> absentRiskFactors, VitalSigns vitals) {
        this(patient, symptoms, riskFactors, absentRiskFactors, vitals, null);
    }

    /** A case with risk factors reported present only, and no vital signs or laboratory results. */
    public TriageCase(Patient patient, List<Symptom> symptoms, List<RiskFactor> riskFactors) {
        this(patient, symptoms, riskFactors, List.of(), null, null);
    }

    /** This case with other symptoms, everything else kept. */
    public TriageCase withSymptoms(List<Symptom> others) {
        return new TriageCase(patient, others, riskFactors, absentRiskFactors, vitals, labs);
    }

    /**
     * The code of the one symptom this case reports otherwise than {@code other} (added, taken away or answered
     * otherwise) when everything else is the same; empty when nothing differs, when more does, or when either case
     * gives a code twice. The patient must be the same object: a what-if keeps its case's.
     */
    public Optional<String> onlySymptomChangedFrom(TriageCase other) {
        return onlySymptomChangedFrom(other, symptomsByCode(other.symptoms));
    }

    /**
     * As {@link #onlySymptomChangedFrom(TriageCase)}, with {@code other}'s symptoms by code already made
     * ({@link #symptomsByCode}): a prober asks this of every what-if about the same judged case.
     */
    public Optional<String> onlySymptomChangedFrom(TriageCase other, Map<String, Symptom> theirs) {
        if (patient != other.patient || Math.abs(symptoms.size() - other.symptoms.size()) > 1
                || !riskFactors.equals(other.riskFactors) || !absentRiskFactors.equals(other.absentRiskFactors)
                || !Objects.equals(vitals, other.vitals) || !Objects.equals(labs, other.labs)) {
            return Optional.empty();
        }
        Map<String, Symptom> ours = symptomsByCode(symptoms);
        if (theirs == null || ours == null) {
            return Optional.empty();
        }
        String changed = null;
        for (Symptom s : symptoms) {
            Symptom before = theirs.get(s.getCode());
            if (before == null || before != s && !before.reportsAlike(s)) {
                if (changed != null) {
                    return Optional.empty();
                }
                changed = s.getCode();
            }
        }
        for (Symptom s : other.symptoms) {
            if (!ours.containsKey(s.getCode())) {
                if (changed != null) {
                    return Optional.empty();
                }
                changed = s.getCode();
            }
        }
        return Optional.ofNullable(changed);
    }

    /** The symptoms by code; null when a code comes twice. */
    public static Map<String, Symptom> symptomsByCode(List<Symptom> symptoms) {
        Map<String, Symptom> out = new HashMap<>();
        for (Symptom s : symptoms) {
            if (out.put(s.getCode(), s) != null) {
                return null;
            }
        }
        return out;
    }
}
