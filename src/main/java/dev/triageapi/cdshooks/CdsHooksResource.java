package dev.triageapi.cdshooks;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestHeader;
import dev.triageapi.vocabulary.Language;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triageapi.cdshooks.CdsModels.CardsResponse;
import dev.triageapi.cdshooks.CdsModels.Discovery;
import dev.triageapi.cdshooks.CdsModels.FeedbackRequest;
import dev.triageapi.cdshooks.CdsModels.HookRequest;
import dev.triageapi.fhir.FhirIntake;
import dev.triageapi.fhir.FhirIntakeMapper;
import dev.triageapi.fhir.FhirSupport;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.Problem;
import dev.triageapi.observability.Intake;
import dev.triageapi.observability.TriageMetrics;
import dev.triageapi.security.CdsClientAuthenticationMechanism;
import dev.triageapi.triage.api.TriageService;
import dev.triageapi.triage.api.UnusedInput;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
import org.hl7.fhir.r4.model.Bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * A FHIR id (R4 {@code id} type), not made of dots alone: the only kind of patientId put into a query ({@code ..}
     * matches the type's pattern, and as a path segment it would read the server's base instead of a Patient).
     */
    private static final Pattern FHIR_ID = Pattern.compile("(?!\\.+$)[A-Za-z0-9\\-.]{1,64}");

    private final TriageService triage;
    private final FhirSupport fhir;
    private final FhirIntakeMapper intake;
    private final PrefetchResolver prefetch;
    private final CdsCards cards;
    private final TriageMetrics metrics;
    private final SecurityIdentity caller;
    private final Validator validator;

    CdsHooksResource(TriageService triage, FhirSupport fhir, FhirIntakeMapper intake, PrefetchResolver prefetch,
                     CdsCards cards, TriageMetrics metrics, SecurityIdentity caller, Validator validator) {
        this.validator = validator;
        this.triage = triage;
        this.fhir = fhir;
        this.intake = intake;
        this.prefetch = prefetch;
        this.cards = cards;
        this.metrics = metrics;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cdsDiscovery", summary = "Discover the CDS services",
            description = "CDS Hooks discovery: one service per hook, with the FHIR data each needs prefetched.")
    @APIResponse(responseCode = "200", description = "The services.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Discovery.class)))
    public Discovery discovery() {
        return new Discovery(Arrays.stream(CdsService.values()).map(CdsService::discovery).toList());
    }

    @POST
    @Intake("cds-hooks")
    @Path("/" + CdsService.ENCOUNTER_ID)
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
    public RestResponse<CardsResponse> encounterStart(HookRequest call,
            @Parameter(description = ACCEPT_LANGUAGE, example = "es-US, es;q=0.9, en;q=0.5", schema = @Schema(type = SchemaType.STRING))
            @RestHeader("Accept-Language") List<String> acceptLanguage) {
        checkCall(call, CdsService.ENCOUNTER);
        if (call.context() == null || !call.context().hasNonNull("patientId")) {
            throw new InvalidRequestException(List.of(new FieldError("context.patientId", "is required for encounter-start")));
        }
        JsonNode patientId = call.context().get("patientId");
        if (!patientId.isTextual() || !FHIR_ID.matcher(patientId.asText()).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("context.patientId", "must be a FHIR resource id")));
        }
        List<UnusedInput> notes = new ArrayList<>();
        String client = caller.hasRole(CdsClientAuthenticationMechanism.EHR_QUERY_ROLE)
                ? caller.getAttribute(CdsClientAuthenticationMechanism.CLIENT_ATTRIBUTE) : null;
        Bundle combined = prefetch.resolve(call, patientId.asText(), client, notes);
        FhirIntake read = intake.toIntake(combined);
        List<UnusedInput> unused = new ArrayList<>(notes);
        read.unused().forEach(u -> unused.add(new UnusedInput("prefetch.symptoms." + u.location(), u.reason())));
        return answer(read, unused, Language.negotiate(acceptLanguage));
    }

    @POST
    @Intake("cds-hooks")
    @Path("/" + CdsService.INTAKE_ID)
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
    public RestResponse<CardsResponse> questionnaireInProgress(HookRequest call,
            @Parameter(description = ACCEPT_LANGUAGE, example = "es-US, es;q=0.9, en;q=0.5", schema = @Schema(type = SchemaType.STRING))
            @RestHeader("Accept-Language") List<String> acceptLanguage) {
        checkCall(call, CdsService.INTAKE);
        JsonNode response = call.context() == null ? null : call.context().get("questionnaireResponse");
        if (response == null || response.isNull()) {
            throw new InvalidRequestException(List.of(new FieldError("context.questionnaireResponse",
                    "is required for questionnaire-inprogress")));
        }
        FhirIntake read = intake.toIntake(fhir.parse(response.toString()));
        List<UnusedInput> unused = read.unused().stream()
                .map(u -> new UnusedInput("context.questionnaireResponse." + u.location(), u.reason())).toList();
        return answer(read, unused, Language.negotiate(acceptLanguage));
    }

    /** The card in the language the call asked for, saying which: only its words change with the language. */
    private RestResponse<CardsResponse> answer(FhirIntake read, List<UnusedInput> unused, Language language) {
        CardsResponse cardsResponse = new CardsResponse(List.of(read.request().symptoms().isEmpty()
                ? cards.nothingToTriage(unused, read.askAbout(), language)
                : cards.card(triage.triage(read.request(), unused, read.askAbout(), language), language)));
        return RestResponse.ResponseBuilder.ok(cardsResponse)
                .header("Content-Language", language.code())
                .header("Vary", "Accept-Language")
                .build();
    }

    private static final String ACCEPT_LANGUAGE = "The language of the card's words: `en` or `es`, by q-value; English "
            + "otherwise. The answer's Content-Language says which.";

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
    public void feedback(@PathParam("service") String service, FeedbackRequest body) {
        if (CdsService.byId(service).isEmpty()) {
            throw new NotFoundException(); // before the body is validated: no such service is a 404 (JSON that cannot be read is still a 400)
        }
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "must not be null")));
        }
        Set<ConstraintViolation<FeedbackRequest>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
        body.feedback().forEach(item -> metrics.feedback(service, item.outcome(),
                item.overrideReason() != null && item.overrideReason().reason() != null));
    }

    private static void checkCall(HookRequest call, CdsService service) {
        if (call == null || call.hook() == null || !service.hook.equals(call.hook())) {
            Optional<CdsService> other = CdsService.byHook(call == null || call.hook() == null ? "" : call.hook());
            throw new InvalidRequestException(List.of(new FieldError("hook", "must be " + service.hook + " for the "
                    + service.id + " service" + other.map(o -> "; " + o.hook + " calls go to /cds-services/" + o.id).orElse(""))));
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
}
