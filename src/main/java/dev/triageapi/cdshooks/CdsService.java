package dev.triageapi.cdshooks;

import dev.triageapi.cdshooks.CdsModels.Service;
import dev.triageapi.fhir.FhirCodes;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The CDS services this service offers, each declared once: discovery lists them as they are here, and a call is
 * checked against the hook of the service it was sent to, so the two cannot drift apart.
 */
enum CdsService {

    ENCOUNTER(CdsService.ENCOUNTER_ID, "encounter-start", "Muscle weakness triage",
            "Triages the patient's recorded symptoms (Observations coded as in the HL7 Symptoms IG) for muscle weakness: "
                    + "urgency, red flags and candidate causes.",
            Map.of("patient", CdsService.PATIENT_QUERY, "symptoms", CdsService.SYMPTOMS_QUERY),
            "Send the prefetch, or a fhirServer this service is configured to query with fhirAuthorization."),
    INTAKE(CdsService.INTAKE_ID, "questionnaire-inprogress", "Muscle weakness intake triage",
            "Triages a QuestionnaireResponse to the intake Questionnaire (GET /api/v1/fhir/Questionnaire/"
                    + FhirCodes.QUESTIONNAIRE_ID + ") while it is being filled in. questionnaire-inprogress is this "
                    + "service's own hook, not one of the CDS Hooks registry.",
            null, "Send context.questionnaireResponse.");

    /** Answers {@code encounter-start}, a hook of the CDS Hooks registry (a constant, for the resource's {@code @Path}). */
    static final String ENCOUNTER_ID = "muscle-weakness-triage";
    /** Answers {@code questionnaire-inprogress}, a hook of this service's own (not in the CDS Hooks registry). */
    static final String INTAKE_ID = "muscle-weakness-intake-triage";
    /**
     * The symptom records of the patient, newest first and at most 100 (CDS Hooks allows {@code _sort} and
     * {@code _count} in a prefetch template): a patient's whole history is not needed to triage today.
     */
    static final String SYMPTOMS_QUERY = "Observation?patient={{context.patientId}}&code=" + FhirCodes.LOINC + "|"
            + FhirCodes.LOINC_SYMPTOM + "," + FhirCodes.LOINC + "|" + FhirCodes.LOINC_SYMPTOM_ABSENT + "&_sort=-date&_count=100";
    /** The patient, for age and sex. */
    static final String PATIENT_QUERY = "Patient/{{context.patientId}}";

    final String id;
    final String hook;
    private final String title;
    private final String description;
    private final Map<String, String> prefetch;
    private final String usage;

    CdsService(String id, String hook, String title, String description, Map<String, String> prefetch, String usage) {
        this.id = id;
        this.hook = hook;
        this.title = title;
        this.description = description;
        this.prefetch = prefetch;
        this.usage = usage;
    }

    /** How discovery describes it. */
    Service discovery() {
        return new Service(hook, id, title, description, prefetch, usage);
    }

    /** The service whose id this is. */
    static Optional<CdsService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** The service that answers this hook. */
    static Optional<CdsService> byHook(String hook) {
        return Arrays.stream(values()).filter(s -> s.hook.equals(hook)).findFirst();
    }
}
