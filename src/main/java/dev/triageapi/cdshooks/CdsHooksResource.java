package dev.triageapi.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.cdshooks.CdsModels.Card;
import dev.triageapi.cdshooks.CdsModels.CardsResponse;
import dev.triageapi.cdshooks.CdsModels.Coding;
import dev.triageapi.cdshooks.CdsModels.Discovery;
import dev.triageapi.cdshooks.CdsModels.HookRequest;
import dev.triageapi.cdshooks.CdsModels.Link;
import dev.triageapi.cdshooks.CdsModels.Service;
import dev.triageapi.cdshooks.CdsModels.Source;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.fhir.FhirCodes;
import dev.triageapi.fhir.FhirIntakeMapper;
import dev.triageapi.fhir.FhirSupport;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.PreconditionFailedException;
import dev.triageapi.http.Problem;
import dev.triageapi.observability.Intake;
import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.api.TriageResponse;
import dev.triageapi.triage.api.TriageService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CDS Hooks 2.0: discovery and the muscle weakness triage service for EHR and intake-app hooks. */
@Path("/cds-services")
@Tag(name = "CDS Hooks", description = "CDS Hooks 2.0 service for EHRs and intake apps")
public class CdsHooksResource {

    static final String SERVICE_ID = "muscle-weakness-triage";
    static final Set<String> HOOKS = Set.of("encounter-start", "questionnaire-inprogress");

    private final TriageConfig config;
    private final Catalog catalog;
    private final TriageService triage;
    private final FhirSupport fhir;
    private final FhirIntakeMapper intake;

    CdsHooksResource(TriageService triage, FhirSupport fhir, FhirIntakeMapper intake, TriageConfig config, Catalog catalog) {
        this.config = config;
        this.catalog = catalog;
        this.triage = triage;
        this.fhir = fhir;
        this.intake = intake;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cdsDiscovery", summary = "Discover the CDS services",
            description = "CDS Hooks discovery: the triage service, the hook it answers and the FHIR data it needs prefetched.")
    public Discovery discovery() {
        return new Discovery(List.of(new Service("encounter-start", SERVICE_ID, "Muscle weakness triage",
                "Triages the patient's recorded symptoms (Observations coded as in the HL7 Symptoms IG) for muscle weakness: "
                        + "urgency, red flags and candidate causes. Also answers questionnaire-inprogress calls carrying a "
                        + "QuestionnaireResponse to the intake Questionnaire.",
                Map.of("patient", "Patient/{{context.patientId}}",
                        "symptoms", "Observation?patient={{context.patientId}}&code=" + FhirCodes.LOINC + "|" + FhirCodes.LOINC_SYMPTOM
                                + "," + FhirCodes.LOINC + "|" + FhirCodes.LOINC_SYMPTOM_ABSENT),
                "Send the prefetch: this service never queries a FHIR server.")));
    }

    @POST
    @Intake("cds-hooks")
    @Path("/" + SERVICE_ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cdsMuscleWeaknessTriage", summary = "Call the muscle weakness triage CDS service",
            description = "Answers an encounter-start (with the `patient` and `symptoms` prefetch) or questionnaire-inprogress "
                    + "(with `context.questionnaireResponse`) hook call with one card: the urgency, advice, red flags, cause "
                    + "groups and the disclaimer. Missing prefetch or context: 412.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HookRequest.class),
            examples = @ExampleObject(name = "encounter-start", value = CdsExamples.ENCOUNTER_START)))
    @APIResponse(responseCode = "200", description = "The cards.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CardsResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a valid hook call.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Required context or prefetch data is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response call(HookRequest call) {
        if (call == null || call.hook() == null || !HOOKS.contains(call.hook())) {
            throw new InvalidRequestException(List.of(new FieldError("hook", "must be one of: encounter-start, questionnaire-inprogress")));
        }
        if (call.hookInstance() == null || call.hookInstance().isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("hookInstance", "is required")));
        }
        if (call.fhirAuthorization() != null && !call.fhirAuthorization().isObject()) {
            throw new InvalidRequestException(List.of(new FieldError("fhirAuthorization", "must be an object (CDS Hooks 2.0)")));
        }
        if (call.context() != null && !call.context().isObject()) {
            throw new InvalidRequestException(List.of(new FieldError("context", "must be an object")));
        }
        TriageRequest request = "encounter-start".equals(call.hook()) ? fromEncounter(call) : fromQuestionnaire(call);
        TriageResponse answer = triage.triage(request);
        // Never from the request's Host header: a forged Host would land in the EHR's card.
        String rules = config.publicBaseUrl().map(base -> base.resolve("api/v1/rules").toString()).orElse(null);
        return Response.ok(new CardsResponse(List.of(card(answer, rules)))).build();
    }

    private TriageRequest fromEncounter(HookRequest call) {
        if (call.context() == null || !call.context().hasNonNull("patientId")) {
            throw missing("context.patientId is required for encounter-start");
        }
        if (!call.context().get("patientId").isTextual()) {
            throw new InvalidRequestException(List.of(new FieldError("context.patientId", "must be a string")));
        }
        JsonNode symptoms = call.prefetch() == null ? null : call.prefetch().get("symptoms");
        if (symptoms == null || symptoms.isNull()) {
            throw missing("prefetch.symptoms (a Bundle of symptom Observations) is required; this service does not query FHIR servers");
        }
        IBaseResource bundle = fhir.parse(symptoms.toString());
        if (!(bundle instanceof Bundle)) {
            throw new InvalidRequestException(List.of(new FieldError("prefetch.symptoms", "must be a Bundle")));
        }
        JsonNode patient = call.prefetch().get("patient");
        Bundle combined = (Bundle) bundle;
        if (patient != null && !patient.isNull() && fhir.parse(patient.toString()) instanceof Patient p) {
            combined.addEntry().setResource(p);
        }
        TriageRequest request = intake.toRequest(combined);
        if (request.symptoms().isEmpty()) {
            throw missing("prefetch.symptoms holds no symptom Observation; nothing to triage");
        }
        return request;
    }

    private TriageRequest fromQuestionnaire(HookRequest call) {
        JsonNode response = call.context() == null ? null : call.context().get("questionnaireResponse");
        if ((response == null || response.isNull()) && call.prefetch() != null) {
            response = call.prefetch().get("questionnaireResponse");
        }
        if (response == null || response.isNull()) {
            throw missing("context.questionnaireResponse is required for questionnaire-inprogress");
        }
        return intake.toRequest(fhir.parse(response.toString()));
    }

    private Card card(TriageResponse answer, String rulesUrl) {
        String level = catalog.urgencyLevel(answer.urgency()).label();
        String why = !answer.redFlags().isEmpty() ? answer.redFlags().get(0).label()
                : answer.reasons().isEmpty() ? "" : answer.reasons().get(0);
        String summary = level + (why.isEmpty() ? "" : " — " + why);
        if (summary.length() >= 140) {
            summary = summary.substring(0, 138) + "…";
        }
        String indicator = answer.urgency().isEmergency() ? "critical"
                : answer.urgency() == Urgency.CONSULTATION_24 ? "warning" : "info";
        TriageResponse.TraceEntry decisive = answer.trace().stream().filter(TriageResponse.TraceEntry::decisive).findFirst().orElse(null);
        Coding topic = decisive == null ? null
                : new Coding(FhirCodes.BASE + "/rule", decisive.file() + ":" + decisive.line(), decisive.rule());
        // One id per card, as CDS Hooks asks (feedback names the card it is about); it identifies, it does not decide.
        return new Card(UUID.randomUUID().toString(),
                summary, indicator, detail(answer),
                new Source("Muscle weakness triage rules " + answer.rulesVersion().substring(0, 19), null, topic),
                rulesUrl == null ? List.of() : List.of(new Link("Rules behind this answer", rulesUrl, "absolute")));
    }

    private static String detail(TriageResponse a) {
        StringBuilder md = new StringBuilder();
        md.append("**Urgency:** ").append(a.urgency().code()).append("\n\n").append(a.advice()).append("\n\n");
        if (!a.redFlags().isEmpty()) {
            md.append("**Red flags**\n\n");
            a.redFlags().forEach(f -> md.append("- ").append(f.label()).append(" (source: ").append(f.source()).append(")\n"));
            md.append('\n');
        }
        if (!a.causeGroups().isEmpty()) {
            md.append("**Candidate causes** (not a diagnosis)\n\n");
            a.causeGroups().forEach(g -> md.append("- ").append(g.label()).append(": ")
                    .append(String.join(", ", g.conditions().stream().map(c -> c.name() + (c.serious() ? " (serious)" : "")).toList()))
                    .append(" — matched ").append(String.join(", ", g.evidence())).append('\n'));
            md.append('\n');
        }
        if (!a.missingInformation().isEmpty()) {
            md.append("**Ask next**\n\n");
            a.missingInformation().forEach(q -> md.append("- ").append(q.question()).append('\n'));
            md.append('\n');
        }
        md.append("_").append(a.disclaimer()).append("_");
        return md.toString();
    }

    private static PreconditionFailedException missing(String detail) {
        return new PreconditionFailedException(detail);
    }
}
