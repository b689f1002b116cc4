package dev.triageapi.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.vocabulary.Language;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
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
    public Response invalidRequest(InvalidRequestException e, HttpHeaders headers) {
        Language language = language(headers);
        List<FieldError> errors = e.errors(language);
        if (errors.size() > MAX_ERRORS) {
            return Problem.response(language, 400, "invalid-request", errors.subList(0, MAX_ERRORS), "many-listed",
                    errors.size(), MAX_ERRORS);
        }
        return errors.size() == 1 ? Problem.response(language, 400, "invalid-request", errors, "one")
                : Problem.response(language, 400, "invalid-request", errors, "many", errors.size());
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e, HttpHeaders headers) {
        return Problem.response(language(headers), 412, "precondition-failed", "prefetch", e.getMessage());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers) {
        return invalidRequest(InvalidRequestException.of(e.getConstraintViolations()), headers);
    }

    /** Registered for this exact type so that it replaces the built-in mapper, which answers 400 with no body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
        return unreadableBody(e, headers);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e, HttpHeaders headers) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, headers);
        }
        String field = jsonPath(e.getPath());
        FieldWording error;
        if (e.getCause() instanceof StreamConstraintsException limit && stringTooLong(limit)) {
            return textTooLong(new TextTooLongException(maxString), headers);
        } else if (e.getCause() instanceof StreamConstraintsException) {
            error = FieldWording.of(field, "field.size-limit");
        } else if (e instanceof UnrecognizedPropertyException) {
            error = FieldWording.of(field, "field.not-a-field");
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            error = FieldWording.of(field, "field.one-of", Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            error = FieldWording.of(field, describe(mismatch.getTargetType()));
        } else {
            error = FieldWording.of(field, "field.unreadable");
        }
        if (field.isEmpty()) {
            return Problem.response(language(headers), 400, "malformed-body", "not-an-object");
        }
        return invalidRequest(new InvalidRequestException(List.of(error)), headers);
    }

    /**
     * The one wording of a string over the limit, whether the JSON reader noticed it (any string of the body, over
     * {@code triage.api.max-string-length}) or the text intake did (a patient's text, over max-text-length).
     */
    @ServerExceptionMapper
    public Response textTooLong(TextTooLongException e, HttpHeaders headers) {
        return Problem.response(language(headers), 413, "text-too-long", "limit", e.limit());
    }

    /** Whether the JSON reader refused a string for its length (its own message, never the client's input). */
    private static boolean stringTooLong(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("String value length");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers) {
        if (stringTooLong(e) || e.getCause() instanceof StreamConstraintsException limit && stringTooLong(limit)) {
            return textTooLong(new TextTooLongException(maxString), headers); // a long string read in several chunks
        }
        return Problem.response(language(headers), 400, "malformed-json", "at", e.getLocation().getLineNr(),
                e.getLocation().getColumnNr());
    }

    @ServerExceptionMapper
    public Response tooLarge(StreamConstraintsException e, HttpHeaders headers) {
        if (stringTooLong(e)) {
            return textTooLong(new TextTooLongException(maxString), headers);
        }
        return Problem.response(language(headers), 400, "malformed-json", "limit");
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers) {
        return mediaTypeRefused(MediaTypeRefused.body(MediaType.APPLICATION_JSON), headers);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, HttpHeaders headers) {
        return mediaTypeRefused(MediaTypeRefused.answer(MediaType.APPLICATION_JSON), headers);
    }

    /** The one wording of a 415 or 406, naming the media types of the endpoint that refused. */
    @ServerExceptionMapper
    public Response mediaTypeRefused(MediaTypeRefused e, HttpHeaders headers) {
        Language language = language(headers);
        String types = ProblemWords.either(language, e.spoken());
        return e.status() == 415
                ? Problem.response(language, 415, "unsupported-media-type", "send", types)
                : Problem.response(language, 406, "not-acceptable", "answers", types);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        return Problem.response(language(headers), 404, "not-found", "path");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return Problem.response(language(headers), 413, "payload-too-large", "limit", maxBody);
        }
        if (status >= 500) {
            return unexpected(e, headers);
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return tooLarge(limit, headers);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableBody(mapping, headers);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, headers);
        }
        return Problem.response(language(headers), status, "client-error", "status", status);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        // Only the exception type is logged: messages may quote the request, which may hold health data.
        LOG.errorf("Unexpected %s at %s", e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "unknown location");
        return Problem.response(language(headers), 500, "internal-error", "logged");
    }

    private static Language language(HttpHeaders headers) {
        return ProblemWords.languageOf(headers);
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

    /** The key of "must be a number" and its kin, for a value of the wrong JSON type. */
    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "field.whole-number";
        }
        if (type == Double.class || type == double.class) {
            return "field.number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "field.boolean";
        }
        if (type == String.class) {
            return "field.string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "field.array";
        }
        return "field.object";
    }
}
