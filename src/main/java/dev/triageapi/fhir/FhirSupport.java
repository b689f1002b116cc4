package dev.triageapi.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/**
 * The one FHIR R4 context of the service (costly to build, safe to share) and strict JSON parsing and writing. Bodies
 * are bounded by {@link FhirBodyGuard} before HAPI sees them, and nothing HAPI notices is logged: its messages quote
 * the request.
 */
@Singleton
public class FhirSupport {

    private final FhirContext context = FhirContext.forR4Cached();

    FhirSupport() {
        context.setParserErrorHandler(new SilentErrorHandler());
    }

    /** Parses FHIR JSON strictly; anything that is not valid FHIR is a 400 with the parser's complaint, without echo. */
    public IBaseResource parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("body", "a FHIR resource is required")));
        }
        FhirBodyGuard.check(json);
        IParser parser = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(json);
        } catch (RuntimeException e) {
            // Parsing is a function of the body alone: whatever HAPI throws on it, the body is at fault.
            throw new InvalidRequestException(List.of(new FieldError("body",
                    "is not a valid FHIR R4 JSON resource (expected a QuestionnaireResponse or a Bundle of Observations)")));
        }
    }

    public String write(IBaseResource resource) {
        return context.newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
    }
}
