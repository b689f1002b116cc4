package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One problem with one field of a request, e.g. {@code symptoms[0].code}. */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(description = "JSON path of the field.", examples = "symptoms[0].code", required = true) String field,
        @Schema(description = "What is wrong, in the answer's language (Content-Language).",
                examples = "unknown symptom code 'x'; see GET /api/v1/symptoms", required = true) String message)
        implements FieldProblem {

    /** Already written: the same in every language (the FHIR and CDS Hooks doors' own messages). */
    @Override
    public FieldError in(Language language) {
        return this;
    }
}
