package dev.triageapi.parse.api;

import dev.triageapi.catalog.Catalogs;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.http.FieldWording;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.Problem;
import dev.triageapi.json.UnknownFields;
import dev.triageapi.text.ParsedText;
import dev.triageapi.triage.api.Disclaimer;
import dev.triageapi.triage.api.TextIntake;
import dev.triageapi.triage.api.UnusedInput;
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

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/parse}: a patient's own words, read into the catalog's codes. */
@Path("/api/v1/parse")
@Tag(name = "Parse", description = "Patients' own words, in English or Spanish, read into symptom codes")
public class ParseResource {

    private final TextIntake intake;
    private final UnknownFields unknownFields;
    private final Map<Language, String> disclaimers = new EnumMap<>(Language.class);

    ParseResource(TextIntake intake, UnknownFields unknownFields, TriageConfig config, Catalogs catalogs) {
        this.intake = intake;
        this.unknownFields = unknownFields;
        for (Language language : Language.values()) {
            disclaimers.put(language, Disclaimer.text(catalogs.of(language), config.emergencyNumber()));
        }
    }

    // A parse is a fraction of a millisecond of computation on a body already read: it runs on the I/O thread.
    @NonBlocking
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "parse", summary = "Read a patient's own words into codes",
            description = "Reads free text with the NegEx/ConText algorithm over per-language lexicons: each phrase "
                    + "understood becomes a mention with its place in the text and its status (`absent` only when a "
                    + "negation cue is in its scope, `unknown` when hedged, doubly negated, about someone else or only "
                    + "about the past), and the whole becomes a triage request ready to post. Deterministic: the same "
                    + "text always gives the same answer. Nothing of the text is logged.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ParseRequest.class),
            examples = {
                    @ExampleObject(name = "english", summary = "A stroke sign in English", value = ParseExamples.ENGLISH_REQUEST),
                    @ExampleObject(name = "spanish", summary = "Fiebre y cuello rígido, en español", value = ParseExamples.SPANISH_REQUEST)}))
    @APIResponse(responseCode = "200", description = "What the text says.",
            headers = @Header(name = "Content-Language", description = "The language the text was read in.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParseResponse.class),
                    examples = {@ExampleObject(name = "english", summary = "A stroke sign in English", value = ParseExamples.ENGLISH_RESPONSE),
                            @ExampleObject(name = "spanish", summary = "Fiebre y cuello rígido, en español", value = ParseExamples.SPANISH_RESPONSE)}))
    @APIResponse(responseCode = "400", description = "Malformed JSON, no text, a blank text or one with control characters.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "blank-text", value = ParseExamples.BLANK_TEXT_PROBLEM)))
    @APIResponse(responseCode = "413", description = "The text is longer than 2,000 characters, or the body than the configured limit.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text-too-long", value = ParseExamples.TEXT_TOO_LONG_PROBLEM)))
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ParseResponse> parse(ParseRequest request,
            @Parameter(description = "The language of `text` when the body does not say: `en` or `es`, by q-value; English "
                    + "otherwise.", example = "es-MX, es;q=0.9, en;q=0.5", schema = @Schema(type = SchemaType.STRING))
            @RestHeader("Accept-Language") List<String> acceptLanguage) {
        if (request == null || request.text() == null) {
            throw new InvalidRequestException(List.of(FieldWording.of(request == null ? "body" : "text", "field.not-null")));
        }
        Language language = request.language() != null ? request.language() : Language.negotiate(acceptLanguage);
        ParsedText parsed = intake.read(request.text(), language, "text");
        ParseResponse answer = new ParseResponse(parsed.language(), intake.request(parsed), parsed.mentions(),
                parsed.unrecognized(), UnusedInput.ofUnknownFields(unknownFields, "contract.parse", parsed.language()),
                disclaimers.get(parsed.language()));
        return RestResponse.ResponseBuilder.ok(answer)
                .header("Content-Language", parsed.language().code())
                .header("Vary", "Accept-Language")
                .build();
    }
}
