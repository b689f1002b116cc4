package dev.triageapi.triage.facts;

import java.util.List;

/** Everything the rules may look at for one patient: already validated against the catalog. */
public record TriageCase(Patient patient, List<Symptom> symptoms, List<RiskFactor> riskFactors) {

    public TriageCase {
        symptoms = List.copyOf(symptoms);
        riskFactors = List.copyOf(riskFactors);
    }
}
