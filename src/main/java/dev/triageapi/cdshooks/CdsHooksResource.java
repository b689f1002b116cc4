package dev.triageapi.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.cdshooks.CdsModels.Card;
import dev.triageapi.cdshooks.CdsModels.CardsResponse;
import dev.triageapi.cdshooks.CdsModels.Coding;
import dev.triageapi.cdshooks.CdsModels.Discovery;
import dev.triageapi.cdshooks.CdsModels.FeedbackRequest;
import dev.triageapi.cdshooks.CdsModels.HookRequest;
import dev.triageapi.cdshooks.CdsModels.Link;
import dev.triageapi.cdshooks.CdsModels.Service;
import dev.triageapi.cdshooks.CdsModels.Source;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.fhir.FhirCodes;
import dev.triageapi.fhir.FhirIntake;
import dev.triageapi.fhir.FhirIntakeMapper;
import dev.triageapi.fhir.FhirSupport;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.PreconditionFailedException;
import dev.triageapi.http.Problem;
import dev.triageapi.observability.Intake;
import dev.triageapi.observability.TriageMetrics;
import dev.triageapi.security.CdsClientAuthenticationMechanism;
import dev.triageapi.triage.api.Disclaimer;
import dev.triageapi.triage.api.TriageResponse;
import dev.triageapi.triage.api.TriageService;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.vocabulary.Urgency;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * CDS Hooks 2.0: discovery, the muscle weakness triage services (one per hook) and their feedback. Symptoms come from
 * the call's prefetch or, when it did not carry them, from the EHR's FHIR server ({@link FhirServerFetcher}).
 */
@Path("/cds-services")
@RolesAllowed(CdsClientAuthenticationMechanism.ROLE)
@SecurityRequirementsSet({})
@SecurityRequirementsSet(@SecurityRequirement(name = "ApiKey"))
@SecurityRequirementsSet(@SecurityRequirement(name = "CdsJwt"))
@Tag(name = "CDS Hooks", description = "CDS Hooks 2.0 services for EHRs and intake apps")
public class CdsHooksResource {

    /** Answers {@code encounter-start}, a hook of the CDS Hooks registry. */
    static final String ENCOUNTER_SERVICE = "muscle-weakness-triage";
    /** Answers {@code questionnaire-inprogress}, a hook of this service's own (not in the CDS Hooks registry). */
    static final String QUESTIONNAIRE_SERVICE = "muscle-weakness-intake-triage";
    static final String ENCOUNTER_START = "encounter-start";
    static final String QUESTIONNAIRE_INPROGRESS = "questionnaire-inprogress";
    /**
     * A FHIR id (R4 {@code id} type), not made of dots alone: the only kind of patientId put into a query ({@code ..}
     * matches the type's pattern, and as a path segment it would read the server's base instead of a Patient).
     */
    private static final Pattern FHIR_ID = Pattern.compile("(?!\\.+$)[A-Za-z0-9\\-.]{1,64}");
    /**
     * The symptom records of the patient, newest first and at most 100 (CDS Hooks allows {@code _sort} and
     * {@code _count} in a prefetch template): a patient's whole history is not needed to triage today.
     */
    static final String SYMPTOMS_QUERY = "Observation?patient={{context.patientId}}&code=" + FhirCodes.LOINC + "|"
            + FhirCodes.LOINC_SYMPTOM + "," + FhirCodes.LOINC + "|" + FhirCodes.LOINC_SYMPTOM_ABSENT + "&_sort=-date&_count=100";
    static final String PATIENT_QUERY = "Patient/{{context.patientId}}";

    private final TriageConfig config;
    private final Catalog catalog;
    private final TriageService triage;
    private final FhirSupport fhir;
    private final FhirIntakeMapper intake;
    private final FhirServerFetcher fetcher;
    private final TriageMetrics metrics;
    private final SecurityIdentity caller;

    CdsHooksResource(TriageService triage, FhirSupport fhir, FhirIntakeMapper intake, TriageConfig config, Catalog catalog,
                     FhirServerFetcher fetcher, TriageMetrics metrics, SecurityIdentity caller) {
        this.caller = caller;
        this.config = config;
        this.catalog = catalog;
        this.triage = triage;
        this.fhir = fhir;
        this.intake = intake;
        this.fetcher = fetcher;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cdsDiscovery", summary = "Discover the CDS services",
            description = "CDS Hooks discovery: one service per hook, with the FHIR data each needs prefetched.")
    @APIResponse(responseCode = "200", description = "The services.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Discovery.class)))
    public Discovery discovery() {
        return new Discovery(List.of(
                new Service(ENCOUNTER_START, ENCOUNTER_SERVICE, "Muscle weakness triage",
                        "Triages the patient's recorded symptoms (Observations coded as in the HL7 Symptoms IG) for muscle "
                                + "weakness: urgency, red flags and candidate causes.",
                        Map.of("patient", PATIENT_QUERY, "symptoms", SYMPTOMS_QUERY),
                        "Send the prefetch, or a fhirServer this service is configured to query with fhirAuthorization."),
                new Service(QUESTIONNAIRE_INPROGRESS, QUESTIONNAIRE_SERVICE, "Muscle weakness intake triage",
                        "Triages a QuestionnaireResponse to the intake Questionnaire (GET /api/v1/fhir/Questionnaire/"
                                + FhirCodes.QUESTIONNAIRE_ID + ") while it is being filled in. questionnaire-inprogress "
                                + "is this service's own hook, not one of the CDS Hooks registry.",
                        null, "Send context.questionnaireResponse.")));
    }

    @POST
    @Intake("cds-hooks")
    @Path("/" + ENCOUNTER_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cdsMuscleWeaknessTriage", summary = "Call the muscle weakness triage CDS service (encounter-start)",
            description = "Answers an encounter-start call with one card: the urgency, advice, red flags, cause groups, what "
                    + "was not used and the disclaimer. A prefetch key left out (or holding an OperationOutcome) is "
                    + "fetched from `fhirServer` when it is one this service may query; a key sent as `null` means the "
                    + "EHR holds no such data. No symptom records: one info card that says so.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HookRequest.class),
            examples = @ExampleObject(name = "encounter-start", value = CdsExamples.ENCOUNTER_START)))
    @APIResponse(responseCode = "200", description = "The cards.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CardsResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a valid hook call (a required context field missing included).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The symptom records were not prefetched and cannot be fetched.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CardsResponse encounterStart(HookRequest call) {
        checkCall(call, ENCOUNTER_START, ENCOUNTER_SERVICE);
        if (call.context() == null || !call.context().hasNonNull("patientId")) {
            throw new InvalidRequestException(List.of(new FieldError("context.patientId", "is required for encounter-start")));
        }
        JsonNode patientId = call.context().get("patientId");
        if (!patientId.isTextual() || !FHIR_ID.matcher(patientId.asText()).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("context.patientId", "must be a FHIR resource id")));
        }
        boolean verified = caller.hasRole(CdsClientAuthenticationMechanism.EHR_QUERY_ROLE);
        Optional<FhirServerFetcher.Target> target = fetcher.target(call, verified);
        List<UnusedInput> notes = new ArrayList<>();
        Fetch fetch = new Fetch(target, fetcher.deadline(), patientId.asText());
        Slot symptoms = slot(call, "symptoms", SYMPTOMS_QUERY, fetch, notes, true);
        Slot patient = slot(call, "patient", PATIENT_QUERY, fetch, notes, false);
        Bundle combined = new Bundle().setType(Bundle.BundleType.COLLECTION);
        if (symptoms.resource() instanceof Bundle found) {
            combined = found;
        } else if (symptoms.resource() != null) {
            throw new InvalidRequestException(List.of(new FieldError("prefetch.symptoms", "must be a Bundle")));
        }
        if (patient.resource() instanceof Patient p) {
            combined.addEntry().setResource(p).setFullUrl(FhirIntakeMapper.literal("Patient/" + patientId.asText()));
        } else if (patient.resource() != null) {
            notes.add(new UnusedInput("prefetch.patient", "not a Patient: the patient's age and sex are unknown"));
        }
        FhirIntake read = intake.toIntake(combined);
        List<UnusedInput> unused = new ArrayList<>(notes);
        read.unused().forEach(u -> unused.add(new UnusedInput("prefetch.symptoms." + u.location(), u.reason())));
        if (read.request().symptoms().isEmpty()) {
            return new CardsResponse(List.of(nothingToTriage(unused, read.askAbout())));
        }
        return new CardsResponse(List.of(card(triage.triage(read.request(), unused, read.askAbout()), rulesUrl())));
    }

    @POST
    @Intake("cds-hooks")
    @Path("/" + QUESTIONNAIRE_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cdsMuscleWeaknessIntakeTriage", summary = "Call the intake triage CDS service (questionnaire-inprogress)",
            description = "Answers a questionnaire-inprogress call carrying `context.questionnaireResponse` with one card.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HookRequest.class),
            examples = @ExampleObject(name = "questionnaire-inprogress", value = CdsExamples.QUESTIONNAIRE_INPROGRESS)))
    @APIResponse(responseCode = "200", description = "The cards.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CardsResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a valid hook call, or context.questionnaireResponse missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CardsResponse questionnaireInProgress(HookRequest call) {
        checkCall(call, QUESTIONNAIRE_INPROGRESS, QUESTIONNAIRE_SERVICE);
        JsonNode response = call.context() == null ? null : call.context().get("questionnaireResponse");
        if (response == null || response.isNull()) {
            throw new InvalidRequestException(List.of(new FieldError("context.questionnaireResponse",
                    "is required for questionnaire-inprogress")));
        }
        FhirIntake read = intake.toIntake(fhir.parse(response.toString()));
        List<UnusedInput> unused = read.unused().stream()
                .map(u -> new UnusedInput("context.questionnaireResponse." + u.location(), u.reason())).toList();
        if (read.request().symptoms().isEmpty()) {
            return new CardsResponse(List.of(nothingToTriage(unused, read.askAbout())));
        }
        return new CardsResponse(List.of(card(triage.triage(read.request(), unused, read.askAbout()), rulesUrl())));
    }

    @POST
    @Path("/{service}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cdsFeedback", summary = "Tell a CDS service what became of its cards",
            description = "CDS Hooks feedback: each card accepted or overridden. Only the counts by outcome are kept "
                    + "(metric `triage_cds_feedback_total`); nothing that could identify a patient or a user is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedbackRequest.class),
            examples = @ExampleObject(name = "overridden", value = CdsExamples.FEEDBACK)))
    @APIResponse(responseCode = "204", description = "Feedback received.")
    @APIResponse(responseCode = "400", description = "Not valid feedback.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void feedback(@PathParam("service") String service, @NotNull(message = "must not be null") @Valid FeedbackRequest body) {
        if (!ENCOUNTER_SERVICE.equals(service) && !QUESTIONNAIRE_SERVICE.equals(service)) {
            throw new NotFoundException();
        }
        body.feedback().forEach(item -> metrics.feedback(service, item.outcome(),
                item.overrideReason() != null && item.overrideReason().reason() != null));
    }

    private static void checkCall(HookRequest call, String hook, String service) {
        if (call == null || call.hook() == null || !hook.equals(call.hook())) {
            String other = ENCOUNTER_START.equals(call == null ? null : call.hook()) ? ENCOUNTER_SERVICE
                    : QUESTIONNAIRE_INPROGRESS.equals(call == null ? null : call.hook()) ? QUESTIONNAIRE_SERVICE : null;
            throw new InvalidRequestException(List.of(new FieldError("hook", "must be " + hook + " for the " + service
                    + " service" + (other == null ? "" : "; " + call.hook() + " calls go to /cds-services/" + other))));
        }
        if (call.hookInstance() == null || call.hookInstance().isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("hookInstance", "is required")));
        }
        if (call.fhirAuthorization() != null && !call.fhirAuthorization().isObject()) {
            throw new InvalidRequestException(List.of(new FieldError("fhirAuthorization", "must be an object (CDS Hooks 2.0)")));
        }
        if (call.context() == null) {
            throw new InvalidRequestException(List.of(new FieldError("context", "is required")));
        }
        if (!call.context().isObject()) {
            throw new InvalidRequestException(List.of(new FieldError("context", "must be an object")));
        }
    }

    /** Where a hook call's missing prefetch may be fetched, for which patient, and by when all of it must have come. */
    private record Fetch(Optional<FhirServerFetcher.Target> target, Instant deadline, String patientId) {
    }

    /** What one prefetch key gave: a resource, or nothing (no data). */
    private record Slot(IBaseResource resource) {
    }

    /**
     * A prefetch key's resource. Sent: it is read (an OperationOutcome there means the EHR could not fetch). Left out,
     * or an OperationOutcome: fetched from the FHIR server when the call allows it; when it cannot be, a required key
     * is a 412 and an optional one is noted as unknown. Sent as {@code null}: the EHR has no such data (CDS Hooks 2.0).
     */
    private Slot slot(HookRequest call, String key, String template, Fetch fetch, List<UnusedInput> notes, boolean required) {
        Map<String, JsonNode> prefetch = call.prefetch() == null ? Map.of() : call.prefetch();
        JsonNode sent = prefetch.get(key);
        boolean sentNull = prefetch.containsKey(key) && (sent == null || sent.isNull());
        if (sent != null && !sent.isNull()) {
            if (!sent.isObject()) {
                throw new InvalidRequestException(List.of(new FieldError("prefetch." + key, "must be a FHIR resource or null")));
            }
            IBaseResource resource = fhir.parse(sent.toString());
            if (!(resource instanceof OperationOutcome)) {
                return new Slot(resource);
            }
            notes.add(new UnusedInput("prefetch." + key, "an OperationOutcome: the EHR could not fetch this data"));
        }
        if (fetch.target().isPresent()) {
            String query = template.replace("{{context.patientId}}", fetch.patientId()).replace("|", "%7C");
            try {
                return new Slot(fetcher.fetch(fetch.target().get(), query, fetch.deadline()).orElse(null));
            } catch (FhirServerFetcher.FetchFailed e) {
                if (required) {
                    throw new PreconditionFailedException("prefetch." + key + " could not be fetched: " + e.getMessage());
                }
                notes.add(new UnusedInput("prefetch." + key, "could not be fetched (" + e.getMessage() + "): unknown"));
                return new Slot(null);
            }
        }
        if (sentNull) {
            return new Slot(null);
        }
        if (required) {
            throw new PreconditionFailedException("prefetch." + key + " is missing and cannot be fetched: "
                    + (call.fhirServer() == null ? "the call names no fhirServer"
                    : !fetcher.allows(call.fhirServer())
                    ? "its fhirServer is not one this service is configured to query (triage.cds.fhir-servers)"
                    : "only a call signed by a trusted CDS client (triage.cds.clients) may make this service query a FHIR server"));
        }
        notes.add(new UnusedInput("prefetch." + key, "not sent and not fetched: unknown"));
        return new Slot(null);
    }

    /** Never from the request's Host header: a forged Host would land in the EHR's card. */
    private String rulesUrl() {
        return config.publicBaseUrl().map(base -> base.resolve("api/v1/rules").toString()).orElse(null);
    }

    /**
     * The card for records with no coded symptom. Symptoms named only in words are asked about, and make it a warning:
     * words such as "difficulty speaking" may be a stroke sign that no code records.
     */
    private Card nothingToTriage(List<UnusedInput> unused, List<String> askAbout) {
        StringBuilder md = new StringBuilder("The records hold no coded symptom this service can triage, so it gives no "
                + "urgency. Record the patient's symptoms (HL7 Symptoms IG Observations) or use the intake Questionnaire.\n\n");
        List<String> questions = askAbout.stream().distinct().sorted()
                .flatMap(code -> catalog.symptom(code).stream()).map(SymptomDefinition::question).toList();
        if (!questions.isEmpty()) {
            md.append("**Ask next** (named in the records only in words)\n\n");
            questions.forEach(q -> md.append("- ").append(q).append('\n'));
            md.append('\n');
        }
        unusedSection(md, unused);
        md.append('_').append(Disclaimer.text(config.emergencyNumber())).append('_');
        return new Card(UUID.randomUUID().toString(), questions.isEmpty() ? "No symptom records to triage"
                : "Symptoms recorded only in words: ask and record them", questions.isEmpty() ? "info" : "warning",
                md.toString(), new Source("Muscle weakness triage", null, null), List.of());
    }

    private static void unusedSection(StringBuilder md, List<UnusedInput> unused) {
        if (unused.isEmpty()) {
            return;
        }
        md.append("**Not used**\n\n");
        unused.stream().limit(20).forEach(u -> md.append("- ").append(u.location()).append(": ").append(u.reason()).append('\n'));
        if (unused.size() > 20) {
            md.append("- and ").append(unused.size() - 20).append(" more\n");
        }
        md.append('\n');
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
        if (a.selfCare() != null) {
            md.append("**Watch for**\n\n");
            a.selfCare().watchFor().forEach(sign -> md.append("- ").append(sign).append('\n'));
            md.append('\n');
        }
        if (!a.screenQuestions().isEmpty()) {
            md.append("**Answered no, these could lower the urgency** (self-care screen)\n\n");
            a.screenQuestions().forEach(q -> md.append("- ").append(q.question()).append('\n'));
            md.append('\n');
        }
        unusedSection(md, a.unused());
        md.append("_").append(a.disclaimer()).append("_");
        return md.toString();
    }

}
