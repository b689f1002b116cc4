package dev.triageapi.triage.facts;

import java.util.List;

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
}
