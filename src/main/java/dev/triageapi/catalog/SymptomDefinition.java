package dev.triageapi.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** A symptom the service understands, with the optional answers (modifiers) that apply to it. */
@Schema(name = "Symptom", description = "A symptom code the triage endpoint accepts.")
public record SymptomDefinition(
        @Schema(description = "Code to send in `symptoms[].code`.", examples = "muscle_weakness") String code,
        @Schema(description = "Short label for a form.", examples = "Muscle weakness") String label,
        @Schema(description = "Plain-language description.") String description,
        @Schema(description = "Suggested intake-form question.") String question,
        @Schema(description = "SNOMED CT concept id, only where a public source confirms it.", examples = "26544005", nullable = true) String snomedCode,
        @Schema(description = "Where the SNOMED CT code is confirmed; present whenever the code is.", nullable = true) String snomedSource,
        @Schema(description = "Follow-up questions in this symptom's own words, by modifier (otherwise the modifier value's).",
                examples = "{\"onset\": \"Did the headache start suddenly, reaching its worst within a minute?\"}", nullable = true)
        Map<String, String> followUps,
        @Schema(description = "Modifiers that may be sent with this symptom besides `status`.",
                examples = "[\"onset\",\"side\",\"locations\"]") List<String> modifiers) {
}
