package dev.triageapi.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import dev.triageapi.common.FieldError;
import dev.triageapi.common.InvalidRequestException;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/** The one FHIR R4 context of the service (costly to build, safe to share) and strict JSON parsing and writing. */
@Singleton
public class FhirSupport {

    private final FhirContext context = FhirContext.forR4Cached();

    public FhirContext context() {
        return context;
    }

    /** Parses FHIR JSON strictly; anything that is not valid FHIR is a 400 with the parser's complaint, without echo. */
    public IBaseResource parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("body", "a FHIR resource is required")));
        }
        IParser parser = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(json);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidRequestException(List.of(new FieldError("body",
                    "is not a valid FHIR R4 JSON resource (expected a QuestionnaireResponse or a Bundle of Observations)")));
        }
    }

    public String write(IBaseResource resource) {
        return context.newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
    }
}
