package dev.triageapi.fhir;

import dev.triageapi.http.MediaTypeRefused;
import jakarta.ws.rs.core.MediaType;

/**
 * Content negotiation of the FHIR endpoints, done in the resource method rather than by the router: a refusal then
 * belongs to the endpoint and is answered as an OperationOutcome. JSON only ({@code application/fhir+json} or
 * {@code application/json}), FHIR R4 only ({@code fhirVersion=4.0} or none); FHIR's XML is not served.
 */
final class FhirMedia {

    private static final MediaType FHIR_JSON = MediaType.valueOf(FhirCodes.MEDIA_TYPE);
    private static final String VERSION_PARAMETER = "fhirVersion";
    /** The FHIR version this service reads and writes, as the fhirVersion media type parameter names it. */
    static final String VERSION = "4.0";

    private FhirMedia() {
    }

    static void requireJson(MediaType contentType) {
        if (contentType == null || !(contentType.isCompatible(FHIR_JSON) && !contentType.isWildcardType()
                || contentType.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !contentType.isWildcardType())) {
            throw MediaTypeRefused.body(FhirCodes.MEDIA_TYPE, MediaType.APPLICATION_JSON);
        }
        if (!isR4(contentType)) {
            throw new OtherFhirVersion(415);
        }
    }

    /**
     * True unless the media type's {@code fhirVersion} parameter (FHIR R4 http.html, "FHIR Version parameter") names
     * another version than the one spoken here: a body written for STU3 or R5 is not read as R4.
     */
    private static boolean isR4(MediaType type) {
        String version = type.getParameters().entrySet().stream()
                .filter(p -> p.getKey().equalsIgnoreCase(VERSION_PARAMETER)).map(p -> p.getValue().trim()).findFirst().orElse(null);
        return version == null || version.equals(VERSION) || version.startsWith(VERSION + ".");
    }

    /** A media type naming a FHIR version other than R4: 415 for a body, 406 for what the client accepts. */
    static final class OtherFhirVersion extends RuntimeException {
        final int status;

        OtherFhirVersion(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** Accept must allow FHIR JSON or JSON (absent or a wildcard does). */
    static void requireAcceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        boolean otherVersion = false;
        for (String part : accept.split(",")) {
            MediaType type;
            try {
                type = MediaType.valueOf(part.trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (type.isCompatible(FHIR_JSON) || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                if (isR4(type)) {
                    return;
                }
                otherVersion = true;
            }
        }
        throw otherVersion ? new OtherFhirVersion(406) : MediaTypeRefused.answer(FhirCodes.MEDIA_TYPE, MediaType.APPLICATION_JSON);
    }
}
