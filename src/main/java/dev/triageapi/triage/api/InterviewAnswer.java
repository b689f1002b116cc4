package dev.triageapi.triage.api;

import dev.triageapi.json.ReportUnknownFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The patient's answer to a question of the interview, posted back with the rest of the request. */
@ReportUnknownFields(at = "answers[]")
@Schema(name = "InterviewAnswer", description = "An answer to one of `interview.questions`: its `id` and the `answer` "
        + "code of one of its options (`unknown` when the patient does not know, which is never taken as \"no\"; for "
        + "`age`, a whole number of years). A question about several places (`locations`) takes one answer per place.")
public record InterviewAnswer(
        @Schema(description = "The question's `id`.", examples = "symptom:saddle_numbness", required = true, maxLength = 100)
        @NotBlank @Size(max = 100)
        String question,
        @Schema(description = "The `answer` of one of the question's options.", examples = "no", required = true, maxLength = 64)
        @NotBlank @Size(max = 64)
        String answer) {
}
