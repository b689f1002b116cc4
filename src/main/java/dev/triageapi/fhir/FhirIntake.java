package dev.triageapi.fhir;

import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.api.UnusedInput;

import java.util.List;
import java.util.Map;

/**
 * A FHIR intake as the triage reads it: the request, what the record held that the triage did not use, the catalog
 * symptoms it named only in words (to be asked about), the records the request was read from (for
 * {@code RiskAssessment.basis}), and where in the FHIR resource each field of the request came from, so that an error
 * of the request is told in the resource's own terms.
 */
public record FhirIntake(TriageRequest request, List<UnusedInput> unused, List<String> askAbout, List<String> basis,
                         String subject, Map<String, String> sources) {

    /**
     * The error in the terms of the FHIR resource the request was read from: each field read from an item or an entry
     * is named by it ({@code vitals.heartRate} becomes {@code item[vitals].item[heartRate]}), so that the
     * OperationOutcome points at the FHIR element with a FHIRPath expression. Other fields keep their names.
     */
    public InvalidRequestException inFhirTerms(InvalidRequestException e) {
        return new InvalidRequestException(e.errors().stream()
                .map(error -> new FieldError(sources.getOrDefault(error.field(), error.field()), error.message())).toList());
    }
}
