package dev.triageapi.fhir;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestHeader;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.observability.Intake;
import dev.triageapi.triage.api.TriageResponse;
import dev.triageapi.triage.api.TriageService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Triage of FHIR R4 intake (a QuestionnaireResponse or a Bundle of symptom Observations), answered as a RiskAssessment. */
@FhirEndpoint
@Path("/api/v1/triage/fhir")
@Tag(name = "FHIR", description = "FHIR R4 intake and answers")
public class FhirTriageResource {

    private final RiskAssessmentFactory riskAssessments;
    private final FhirSupport fhir;
    private final TriageService triage;
    private final FhirIntakeMapper intake;

    FhirTriageResource(FhirSupport fhir, TriageService triage, FhirIntakeMapper intake, RiskAssessmentFactory riskAssessments) {
        this.riskAssessments = riskAssessments;
        this.fhir = fhir;
        this.triage = triage;
        this.intake = intake;
    }

    @POST
    @Intake("fhir")
    // Negotiated in the method, so that a wrong media type is refused as an OperationOutcome like every other error.
    @Consumes(MediaType.WILDCARD)
    @Produces({FhirCodes.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(operationId = "triageFhir", summary = "Triage a FHIR QuestionnaireResponse or Bundle of symptom Observations",
            description = "Maps the FHIR intake onto the same triage as POST /api/v1/triage and answers with a FHIR "
                    + "RiskAssessment (urgency as the first prediction, then one per candidate cause group). Send "
                    + "`Accept: application/json` to get the plain triage answer instead.")
    @RequestBody(required = true, content = @Content(mediaType = FhirCodes.MEDIA_TYPE,
            schema = @Schema(ref = "FhirResource",
                    description = "A FHIR R4 QuestionnaireResponse to the intake Questionnaire, or a Bundle of Observations."),
            examples = {
                    @ExampleObject(name = "questionnaire-response", summary = "Answers to the intake Questionnaire", value = FhirExamples.QUESTIONNAIRE_RESPONSE),
                    @ExampleObject(name = "observation-bundle", summary = "Symptom Observations (HL7 Symptoms IG)", value = FhirExamples.OBSERVATION_BUNDLE)}))
    @APIResponse(responseCode = "200", description = "A FHIR RiskAssessment, or with Accept: application/json the plain triage answer.",
            content = {
                    @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = "FhirResource",
                            description = "A FHIR R4 RiskAssessment resource.")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageResponse.class))})
    @APIResponse(responseCode = "400", description = "Not valid FHIR, or answers the triage cannot use.",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = "OperationOutcome")))
    @APIResponse(responseCode = "406", description = "The client accepts neither application/fhir+json nor "
            + "application/json, or only another FHIR version than R4 (fhirVersion=4.0).",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = "OperationOutcome")))
    @APIResponse(responseCode = "415", description = "The body is not sent as application/fhir+json or "
            + "application/json, or names another FHIR version than R4.",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = "OperationOutcome")))
    public Response triage(String body, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                           @Parameter(description = "The language of the answer's words (and the RiskAssessment's "
                                   + "`language`): `en` or `es`, by q-value; English otherwise.",
                                   example = "es-US, es;q=0.9, en;q=0.5", schema = @Schema(type = SchemaType.STRING))
                           @RestHeader("Accept-Language") List<String> acceptLanguage) {
        Language language = Language.negotiate(acceptLanguage);
        FhirMedia.requireJson(contentType);
        FhirMedia.requireAcceptable(accept);
        FhirIntake read = intake.toIntake(fhir.parse(body));
        if (read.request().symptoms().isEmpty()) {
            String words = read.askAbout().isEmpty() ? "" : "; it names " + String.join(", ", read.askAbout().stream()
                    .distinct().sorted().toList()) + " only in words: record them coded, since they could be red flags";
            throw new InvalidRequestException(List.of(new FieldError("body", "holds no symptom the triage can read (" + read.unused().size()
                    + " part(s) not used; see the Symptoms IG coding in docs/integration.md)" + words)));
        }
        TriageResponse answer;
        try {
            answer = triage.triage(read.request(), read.unused(), read.askAbout(), language);
        } catch (InvalidRequestException e) {
            throw read.inFhirTerms(e); // a value out of range is named by its item or entry, not by a JSON field
        }
        Response.ResponseBuilder ok = wantsPlainJson(accept) ? Response.ok(answer, MediaType.APPLICATION_JSON)
                : Response.ok(fhir.write(riskAssessments.build(answer, read, language)), FhirCodes.MEDIA_TYPE);
        return ok.header("Content-Language", language.code()).header("Vary", "Accept, Accept-Language").build();
    }

    private static boolean wantsPlainJson(String accept) {
        return accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains(FhirCodes.MEDIA_TYPE);
    }
}
