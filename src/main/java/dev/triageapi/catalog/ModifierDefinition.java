package dev.triageapi.catalog;

import dev.triageapi.vocabulary.Modifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a modifier asks and the words for its answers, for intake forms and the FHIR Questionnaire. */
@Schema(name = "ModifierDefinition", description = "A modifier a symptom may carry, with its question and the labels of its values.")
public record ModifierDefinition(
        @Schema(description = "Field name in `symptoms[]`.", examples = "onset") Modifier code,
        @Schema(description = "What kind of answer it takes.") Modifier.Kind kind,
        @Schema(description = "Short label for a form.", examples = "How it began") String label,
        @Schema(description = "Suggested question.", examples = "How did it start?") String question,
        @Schema(description = "The values a choice takes, in order, with their labels; empty for numbers and yes/no.")
        List<Value> values,
        @Schema(description = "The follow-up question for an answer with no question of its own; {value} stands for the answer.",
                examples = "Did it begin within the last {value} hours?", nullable = true)
        String followUp) {

    /** A modifier whose answers have no follow-up question of the modifier's own. */
    public ModifierDefinition(Modifier code, Modifier.Kind kind, String label, String question, List<Value> values) {
        this(code, kind, label, question, values, null);
    }

    /** One value of a choice modifier. */
    @Schema(name = "ModifierValue", description = "A value of a choice modifier and its label.")
    public record Value(@Schema(examples = "sudden") String code, @Schema(examples = "Suddenly (seconds or minutes)") String label,
                        @Schema(description = "SNOMED CT concept id, only where a public source confirms it.", examples = "385315009",
                                nullable = true) String snomedCode,
                        @Schema(description = "Where the SNOMED CT code is confirmed; present whenever the code is.", nullable = true)
                        String snomedSource,
                        @Schema(description = "The follow-up question that asks whether this is the answer, when a symptom has none of its own.",
                                examples = "Did it start suddenly, within seconds or minutes?", nullable = true)
                        String followUp) {

        /** A value without a SNOMED CT code or a follow-up question. */
        public Value(String code, String label) {
            this(code, label, null, null, null);
        }
    }
}
