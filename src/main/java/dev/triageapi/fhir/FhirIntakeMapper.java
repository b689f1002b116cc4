package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.triage.api.TriageRequest;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps FHIR intake onto the same {@link TriageRequest} the JSON API takes: a {@code QuestionnaireResponse} to the
 * intake Questionnaire ({@link QuestionnaireResponseReader}), or a {@code Bundle} of symptom {@code Observation}s
 * (HL7 Symptoms IG) with an optional {@code Patient} ({@link ObservationBundleReader}).
 */
@Singleton
public final class FhirIntakeMapper {

    /**
     * FHIR R4's pattern of a literal reference (or a {@code urn:uuid:} full URL); anything else is left out, since a
     * contained or made-up reference would dangle in what the service writes.
     */
    private static final Pattern LITERAL_REFERENCE = Pattern.compile(
            "urn:uuid:[0-9a-fA-F-]{36}|(https?://([A-Za-z0-9.:%$-]*/)+)?[A-Za-z]{1,64}/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?");

    private final QuestionnaireResponseReader questionnaireResponses;
    private final ObservationBundleReader bundles;

    public FhirIntakeMapper(Catalog catalog) {
        SymptomReports reports = new SymptomReports(catalog, new FhirValues(catalog));
        this.questionnaireResponses = new QuestionnaireResponseReader(catalog, reports);
        this.bundles = new ObservationBundleReader(catalog, new SymptomObservationReader(catalog, reports));
    }

    /** The intake the resource holds; anything but a QuestionnaireResponse or a Bundle is a 400. */
    public FhirIntake toIntake(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response) {
            return questionnaireResponses.read(response);
        }
        if (resource instanceof Bundle bundle) {
            return bundles.read(bundle);
        }
        throw new InvalidRequestException(List.of(new FieldError("resourceType",
                "expected a QuestionnaireResponse or a Bundle of Observations")));
    }

    /** The reference when it is a literal one FHIR allows, else null. */
    public static String literal(String reference) {
        return reference != null && reference.length() <= 300 && LITERAL_REFERENCE.matcher(reference).matches() ? reference : null;
    }
}
