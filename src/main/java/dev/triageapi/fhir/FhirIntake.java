package dev.triageapi.fhir;

import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.api.UnusedInput;

import java.util.List;

/**
 * A FHIR intake as the triage reads it: the request, what the record held that the triage did not use, the catalog
 * symptoms it named only in words (to be asked about), and the records the request was read from (for
 * {@code RiskAssessment.basis}).
 */
public record FhirIntake(TriageRequest request, List<UnusedInput> unused, List<String> askAbout, List<String> basis,
                         String subject) {
}
