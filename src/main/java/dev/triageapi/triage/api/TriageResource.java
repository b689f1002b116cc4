package dev.triageapi.triage.api;

import dev.triageapi.http.Problem;
import dev.triageapi.json.UnknownFields;
import dev.triageapi.observability.Intake;
import dev.triageapi.vocabulary.Language;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** {@code POST /api/v1/triage}: the triage of one patient's reported symptoms. */
@Path("/api/v1/triage")
@Tag(name = "Triage", description = "Urgency, red flags and candidate causes for reported muscle-weakness symptoms")
public class TriageResource {

    private final TriageService service;
    private final UnknownFields unknownFields;

    TriageResource(TriageService service, UnknownFields unknownFields) {
        this.service = service;
        this.unknownFields = unknownFields;
    }

    // Pure computation on data already in memory (the body is read before the method runs), a few tens of
    // microseconds: it runs on the I/O thread instead of paying a hand-over to a worker thread and back.
    @NonBlocking
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "triage", summary = "Triage reported symptoms",
            description = "Runs the symptoms through the clinical rules and answers with the urgency, advice, the red flags and "
                    + "reasons behind it, candidate cause groups with their evidence, follow-up questions and a disclaimer. "
                    + "The same request always gives the same answer, whatever the order of its symptoms.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TriageRequest.class),
            examples = {
                    @ExampleObject(name = "sudden-one-sided-weakness", summary = "Sudden one-sided weakness with trouble speaking", value = Examples.STROKE_REQUEST),
                    @ExampleObject(name = "tiredness", summary = "Tiredness with normal strength", value = Examples.TIREDNESS_REQUEST),
                    @ExampleObject(name = "cramps-on-diuretic", summary = "Cramps and leg weakness on a diuretic", value = Examples.CRAMPS_REQUEST),
                    @ExampleObject(name = "exercise-soreness-screened", summary = "Soreness after exercise with its self-care screen answered",
                            value = Examples.EXERCISE_SORENESS_REQUEST),
                    @ExampleObject(name = "vital-signs", summary = "Weakness with vital signs scoring 7 or more on NEWS2", value = Examples.VITALS_REQUEST),
                    @ExampleObject(name = "lab-results", summary = "Weakness in kidney disease with a potassium of 6.8 mmol/L", value = Examples.LABS_REQUEST),
                    @ExampleObject(name = "interview-answers", summary = "Weak legs, posted again with the interview's answers so far",
                            value = Examples.INTERVIEW_REQUEST)}))
    @APIResponse(responseCode = "200", description = "The triage answer.",
            headers = {@Header(name = "Preference-Applied", description = "`return=minimal` when the trace was left out as asked.",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", description = "The language of the answer's words: `en` or `es`.",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageResponse.class),
                    examples = {@ExampleObject(name = "emergency", summary = "A stroke sign: call an ambulance", value = Examples.STROKE_RESPONSE),
                            @ExampleObject(name = "interview-in-progress", summary = "Weak legs after four answers: the next question",
                                    value = Examples.INTERVIEW_RESPONSE)}))
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong types, unknown codes, out-of-range values, duplicate or missing symptoms.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "unknown-code", value = Examples.INVALID_CODE_PROBLEM),
                            @ExampleObject(name = "malformed-json", value = Examples.MALFORMED_JSON_PROBLEM)}))
    @APIResponse(responseCode = "413", description = "The body is larger than the configured limit.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too-large", value = Examples.TOO_LARGE_PROBLEM)))
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unsupported-media-type", value = Examples.UNSUPPORTED_MEDIA_TYPE_PROBLEM)))
    @Intake("json")
    public RestResponse<TriageResponse> triage(TriageRequest request,
            @Parameter(description = "RFC 7240 preferences; `return=minimal` leaves the rule trace out of the answer (for "
                    + "intake apps that do not audit it). The full answer is the default.", example = "return=minimal",
                    schema = @Schema(type = SchemaType.STRING))
            @RestHeader("Prefer") List<String> prefer,
            @Parameter(description = "The language of the answer's words (labels, reasons, advice, questions, the "
                    + "disclaimer), and of `text` when the request does not say (`textLanguage`): `en` or `es`, by q-value "
                    + "(RFC 9110, RFC 4647 lookup); English otherwise. Codes and field names are the same in every language.",
                    example = "es-MX, es;q=0.9, en;q=0.5",
                    schema = @Schema(type = SchemaType.STRING))
            @RestHeader("Accept-Language") List<String> acceptLanguage) {
        boolean minimal = Preferences.returnMinimal(prefer);
        Language language = Language.negotiate(acceptLanguage);
        TriageResponse answer = service.triage(request, UnusedInput.ofUnknownFields(unknownFields, "contract.triage", language), !minimal,
                language);
        RestResponse.ResponseBuilder<TriageResponse> response = RestResponse.ResponseBuilder.ok(answer)
                .header("Content-Language", language.code())
                .header("Vary", "Prefer, Accept-Language");
        return (minimal ? response.header("Preference-Applied", "return=minimal") : response).build();
    }
}
