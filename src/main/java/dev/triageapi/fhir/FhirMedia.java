package dev.triageapi.fhir;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;

/**
 * Content negotiation of the FHIR endpoints, done in the resource method rather than by the router: a refusal then
 * belongs to the endpoint and is answered as an OperationOutcome. JSON only ({@code application/fhir+json} or
 * {@code application/json}); FHIR's XML is not served.
 */
final class FhirMedia {

    private static final MediaType FHIR_JSON = MediaType.valueOf(FhirCodes.MEDIA_TYPE);

    private FhirMedia() {
    }

    static void requireJson(MediaType contentType) {
        if (contentType == null || !(contentType.isCompatible(FHIR_JSON) && !contentType.isWildcardType()
                || contentType.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !contentType.isWildcardType())) {
            throw new NotSupportedException();
        }
    }

    /** Accept must allow FHIR JSON or JSON (absent or a wildcard does). */
    static void requireAcceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String part : accept.split(",")) {
            MediaType type;
            try {
                type = MediaType.valueOf(part.trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (type.isCompatible(FHIR_JSON) || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return;
            }
        }
        throw new NotAcceptableException();
    }
}
