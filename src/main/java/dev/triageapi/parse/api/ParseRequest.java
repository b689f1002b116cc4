package dev.triageapi.parse.api;

import dev.triageapi.json.ReportUnknownFields;
import dev.triageapi.vocabulary.Language;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patient's own words to read into codes: the body of {@code POST /api/v1/parse}. */
@ReportUnknownFields
@Schema(name = "ParseRequest", description = "A patient's own words, in English or Spanish.")
public record ParseRequest(
        @Schema(description = "What the patient wrote: 1 to 2,000 characters (more is a 413); tabs and line breaks are "
                + "kept, other control characters are a 400.", required = true, maxLength = 2000,
                examples = "My left arm went weak suddenly an hour ago and my speech is slurred. No headache.")
        @NotNull
        String text,

        @Schema(description = "The language of `text`: `en` or `es`. Omitted: the first supported language of "
                + "`Accept-Language` by q-value, else English.")
        Language language) {
}
