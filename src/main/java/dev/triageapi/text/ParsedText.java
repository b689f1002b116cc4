package dev.triageapi.text;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What a patient's text says, in the catalog's codes: the structured part (age, sex, pregnancy, symptoms with their
 * modifiers, risk factors), every phrase understood with where it is, and the spans not understood.
 */
public record ParsedText(Language language, Integer age, Sex sex, Pregnancy pregnancy, Boolean underTreatment,
                         List<ParsedSymptom> symptoms,
                         List<String> riskFactors, List<String> absentRiskFactors, List<Mention> mentions,
                         List<Span> unrecognized) {

    /**
     * One symptom the text names, its status and the modifiers its words give, keyed by modifier; {@code lent} holds
     * what words said once for several complaints give it beyond those (a cause before them all, "Because of that",
     * "Not getting worse." after them), which a request takes only where the rules find they raise the level or take a
     * consultation to self-care.
     */
    public record ParsedSymptom(String code, SymptomStatus status, Map<Modifier, Object> modifiers, Map<Modifier, Object> lent) {
    }

    /** Whether any symptom has a lent modifier. */
    public boolean lends() {
        return symptoms.stream().anyMatch(s -> !s.lent().isEmpty());
    }

    /** What a mention names. */
    public enum MentionKind {
        SYMPTOM("symptom"), RISK_FACTOR("riskFactor"), PREGNANCY("pregnancy"), UNDER_TREATMENT("underTreatment"), AGE("age"),
        SEX("sex"), MODIFIER("modifier");

        private final String code;

        MentionKind(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    /** Why a cue changed a phrase's status. */
    public enum CueKind {
        NEGATION("negation"), DOUBLE_NEGATION("doubleNegation"), UNCERTAINTY("uncertainty"),
        OTHER_PERSON("otherPerson"), HISTORICAL("historical");

        private final String code;

        CueKind(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    /** A phrase the parser understood. */
    @Schema(name = "Mention", description = "A phrase of the text the parser understood. Offsets count UTF-16 code units "
            + "(as JavaScript's string indexes do), `end` exclusive.")
    public record Mention(
            @Schema(description = "Offset of the phrase's first character.", examples = "0") int start,
            @Schema(description = "Offset just past the phrase's last character.", examples = "8") int end,
            @Schema(description = "The phrase as written.", examples = "weakness") String text,
            @Schema(description = "What the phrase names: `symptom`, `riskFactor`, `pregnancy`, `underTreatment`, `age`, "
                    + "`sex` or `modifier`.", enumeration = {"symptom", "riskFactor", "pregnancy", "underTreatment", "age",
                    "sex", "modifier"}) MentionKind kind,
            @Schema(description = "The code: a symptom or risk factor code, `pregnant` or `postpartum`, `age`, `sex`, or a "
                    + "modifier's code (`onset`, `hoursSinceOnset`...).", examples = "muscle_weakness") String code,
            @Schema(description = "For a modifier, age or sex: the value understood (`sudden`, `48`, `67`, `female`).",
                    nullable = true) String value,
            @Schema(description = "For a modifier: the symptom code it was attached to.", nullable = true) String symptom,
            @Schema(description = "`present`; `absent` only when a negation cue is in the phrase's scope; `unknown` when it "
                    + "is hedged, doubly negated, about someone else or only about the past. A modifier that is not "
                    + "`present` was not applied.") SymptomStatus status,
            @Schema(description = "The words that changed the status, when any.", nullable = true) Cue cue) {
    }

    /** The words that changed a mention's status. */
    @Schema(name = "Cue", description = "The words that changed a mention's status (\"no\", \"not sure\", \"sin\", \"my father had\").")
    public record Cue(
            @Schema(description = "Offset of the cue's first character.") int start,
            @Schema(description = "Offset just past the cue's last character.") int end,
            @Schema(description = "The cue as written.", examples = "no") String text,
            @Schema(description = "What the cue does.", enumeration = {"negation", "doubleNegation", "uncertainty",
                    "otherPerson", "historical"}) CueKind kind) {
    }

    /** A stretch of the text. */
    @Schema(name = "TextSpan", description = "A stretch of the text (offsets in UTF-16 code units, `end` exclusive).")
    public record Span(@Schema(description = "Offset of the first character.") int start,
                       @Schema(description = "Offset just past the last character.") int end,
                       @Schema(description = "The words as written.", examples = "my elbow") String text) {
    }
}
