package dev.triageapi.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triageapi.vocabulary.Language;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem details body, the only shape an error answer of this service takes. */
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI identifying the problem type.", examples = "urn:problem-type:triage:invalid-request", required = true) String type,
        @Schema(description = "Short summary of the problem type.", examples = "Invalid request", required = true) String title,
        @Schema(description = "HTTP status code.", examples = "400", required = true) int status,
        @Schema(description = "What went wrong with this request, in words a developer can act on.", required = true) String detail,
        @Schema(description = "One entry per invalid field, where fields are at fault.") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The answer for a problem of type {@code urn:problem-type:triage:<type>}, worded in the language asked for: its title
     * and the detail {@code <type>.<detail>} come from {@link ProblemWords}, with the arguments put in.
     */
    public static Response response(Language language, int status, String type, String detail, Object... arguments) {
        return response(language, status, type, null, detail, arguments);
    }

    /** As {@link #response(Language, int, String, String, Object...)}, with the fields at fault. */
    public static Response response(Language language, int status, String type, List<FieldError> errors, String detail,
                                    Object... arguments) {
        return Response.status(status).type(MEDIA_TYPE)
                .header("Content-Language", language.code())
                .header("Vary", "Accept-Language")
                .entity(of(language, status, type, errors, detail, arguments)).build();
    }

    /** The problem body itself, for answers written outside the REST layer. */
    static Problem of(Language language, int status, String type, List<FieldError> errors, String detail, Object... arguments) {
        return new Problem(TYPE_PREFIX + type, ProblemWords.title(language, type), status,
                ProblemWords.detail(language, type, detail, arguments), errors);
    }

    static final String TYPE_PREFIX = "urn:problem-type:triage:";
}
