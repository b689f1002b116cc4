package dev.triageapi.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.triageapi.config.TriageConfig;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json}. Messages are written here, never copied from an
 * exception, so no class name, stack trace or unescaped piece of the request reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final long maxBody;
    private final int maxString;

    ProblemMappers(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, TriageConfig config) {
        this.maxBody = maxBody.asLongValue();
        this.maxString = config.api().maxStringLength();
    }

    /** More field errors than this are summarised: a hostile body must not buy a large answer. */
    static final int MAX_ERRORS = 20;

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        List<FieldError> errors = e.errors();
        String detail = "The request breaks " + (errors.size() == 1 ? "a rule" : errors.size() + " rules")
                + " of the contract; see errors.";
        if (errors.size() > MAX_ERRORS) {
            detail += " Only the first " + MAX_ERRORS + " are listed.";
            errors = errors.subList(0, MAX_ERRORS);
        }
        return problem(400, "invalid-request", "Invalid request", detail, errors);
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e) {
        return problem(412, "precondition-failed", "Precondition failed", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return invalidRequest(InvalidRequestException.of(e.getConstraintViolations()));
    }

    /** Registered for this exact type so that it replaces the built-in mapper, which answers 400 with no body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        String field = jsonPath(e.getPath());
        String message;
        if (e.getCause() instanceof StreamConstraintsException limit && stringTooLong(limit)) {
            return textTooLong(new TextTooLongException(maxString));
        } else if (e.getCause() instanceof StreamConstraintsException) {
            message = "exceeds a size limit (string length, number length or nesting depth)";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a field of this request; see the TriageRequest schema";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            message = "must be one of: " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + describe(mismatch.getTargetType());
        } else {
            message = "has a value that cannot be read";
        }
        if (field.isEmpty()) {
            return problem(400, "malformed-body", "Malformed request body",
                    "The body must be a single JSON object matching the TriageRequest schema.", null);
        }
        return invalidRequest(new InvalidRequestException(List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response textTooLong(TextTooLongException e) {
        return problem(413, "text-too-long", "Text too long", textTooLongDetail(e.limit()), null);
    }

    /**
     * The one wording of a string over the limit, whether the JSON reader noticed it (any string of the body, over
     * {@code triage.api.max-string-length}) or the text intake did (a patient's text, over max-text-length).
     */
    static String textTooLongDetail(int limit) {
        return "A text in the body is longer than " + limit + " characters; send at most " + limit + ".";
    }

    /** Whether the JSON reader refused a string for its length (its own message, never the client's input). */
    private static boolean stringTooLong(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("String value length");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        if (stringTooLong(e) || e.getCause() instanceof StreamConstraintsException limit && stringTooLong(limit)) {
            return textTooLong(new TextTooLongException(maxString)); // a long string read in several chunks
        }
        return problem(400, "malformed-json", "Malformed JSON",
                "The body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ").", null);
    }

    @ServerExceptionMapper
    public Response tooLarge(StreamConstraintsException e) {
        if (stringTooLong(e)) {
            return textTooLong(new TextTooLongException(maxString));
        }
        return problem(400, "malformed-json", "Malformed JSON",
                "The body exceeds a JSON limit (nesting depth, string or number length).", null);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return mediaTypeRefused(MediaTypeRefused.body(MediaType.APPLICATION_JSON));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return mediaTypeRefused(MediaTypeRefused.answer(MediaType.APPLICATION_JSON));
    }

    /** The one wording of a 415 or 406, naming the media types of the endpoint that refused. */
    @ServerExceptionMapper
    public Response mediaTypeRefused(MediaTypeRefused e) {
        String types = String.join(" or ", e.spoken());
        return e.status() == 415
                ? problem(415, "unsupported-media-type", "Unsupported media type", "Send the body as " + types + ".", null)
                : problem(406, "not-acceptable", "Not acceptable", "This resource answers with " + types + ".", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, "not-found", "Not found", "There is no resource at this path; see /q/openapi.", null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return problem(413, "payload-too-large", "Payload too large", Problems.tooLargeDetail(maxBody), null);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return tooLarge(limit);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableBody(mapping);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Client error" : type.getReasonPhrase();
        return problem(status, "client-error", title, "The request could not be processed (" + title + ").", null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // Only the exception type is logged: messages may quote the request, which may hold health data.
        LOG.errorf("Unexpected %s at %s", e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "unknown location");
        return problem(500, "internal-error", "Internal error",
                "The service could not answer this request. It has been logged without its content.", null);
    }

    static Response problem(int status, String type, String title, String detail, List<FieldError> errors) {
        return Problem.response(status, type, title, detail, errors);
    }

    /** The JSON path of a field Jackson could not read, its client-sent names kept only when plain identifiers. */
    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                // Field names come from the client: quote them only when they look like a plain identifier.
                out.append(SafeText.fieldName(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
