package dev.triageapi.http;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /** The answer for a problem of type {@code urn:problem-type:triage:<type>} with no field errors. */
    public static Response response(int status, String type, String title, String detail) {
        return response(status, type, title, detail, null);
    }

    public static Response response(int status, String type, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem(TYPE_PREFIX + type, title, status, detail, errors)).build();
    }

    static final String TYPE_PREFIX = "urn:problem-type:triage:";
}
