package dev.triageapi.triage.api;

import dev.triageapi.json.ReportUnknownFields;
import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.Spread;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Trigger;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** One reported symptom. Every modifier is optional, and a missing one means "unknown", never "no". */
@ReportUnknownFields
@Schema(name = "SymptomReport", description = "A reported symptom. Omitted modifiers are unknown, never \"no\"; "
        + "GET /api/v1/symptoms lists the modifiers each code takes; one it does not take is ignored and listed in the "
        + "answer's unused.")
public record SymptomReport(
        @Schema(description = "Symptom code from GET /api/v1/symptoms.", examples = "muscle_weakness", required = true)
        @NotBlank @Size(max = 64)
        String code,

        @Schema(description = "Whether the symptom is present (default), explicitly absent, or unknown.",
                defaultValue = "present")
        SymptomStatus status,

        @Schema(description = "How it began; omit if unknown.")
        Onset onset,

        @Schema(description = "Side of the body; omit if unknown.")
        Side side,

        @Schema(description = "Severity as the patient rates it; omit if unknown.")
        Severity severity,

        @Schema(description = "Where it is felt; omit or leave empty if unknown.", examples = "[\"face\",\"arm\"]")
        @Size(max = 10)
        List<@NotNull BodyLocation> locations,

        @Schema(description = "Hours since it began (0 to 1,051,200, i.e. 120 years).", examples = "1.5", minimum = "0",
                maximum = "1051200")
        @DecimalMin("0") @DecimalMax("1051200")
        Double hoursSinceOnset,

        @Schema(description = "For headache: true if the patient knows what set it off (e.g. a usual migraine trigger).")
        Boolean knownTrigger,

        @Schema(description = "True if it is getting worse.")
        Boolean worsening,

        @Schema(description = "True if it keeps coming back.")
        Boolean recurring,

        @Schema(description = "True if it came and went and is gone now; report it present, with when it began. A stroke "
                + "sign that resolved (a possible TIA) is still an emergency.")
        Boolean resolved,

        @Schema(description = "For weakness or numbness: which way it has moved since it began (upward from the feet, "
                + "downward from the eyes and face); omit if unknown or it has not moved.")
        Spread spread,

        @Schema(description = "What brought it on, as the patient tells it; omit if unknown. Self-care pathways need it.")
        Trigger trigger) {

    /** A report without spread or trigger answers, as v1 clients send it. */
    public SymptomReport(String code, SymptomStatus status, Onset onset, Side side, Severity severity,
                         List<BodyLocation> locations, Double hoursSinceOnset, Boolean knownTrigger, Boolean worsening,
                         Boolean recurring, Boolean resolved) {
        this(code, status, onset, side, severity, locations, hoursSinceOnset, knownTrigger, worsening, recurring, resolved,
                null, null);
    }

    /** The answer given for a modifier, or null when it was not sent. */
    public Object modifier(Modifier modifier) {
        return switch (modifier) {
            case ONSET -> onset;
            case SIDE -> side;
            case SEVERITY -> severity;
            case LOCATIONS -> locations;
            case HOURS_SINCE_ONSET -> hoursSinceOnset;
            case KNOWN_TRIGGER -> knownTrigger;
            case WORSENING -> worsening;
            case RECURRING -> recurring;
            case RESOLVED -> resolved;
            case SPREAD -> spread;
            case TRIGGER -> trigger;
        };
    }

    /** A report from answers keyed by modifier (values of each modifier's type), as the FHIR mapper reads them. */
    @SuppressWarnings("unchecked")
    public static SymptomReport of(String code, SymptomStatus status, Map<Modifier, Object> answers) {
        return new SymptomReport(code, status, (Onset) answers.get(Modifier.ONSET), (Side) answers.get(Modifier.SIDE),
                (Severity) answers.get(Modifier.SEVERITY), (List<BodyLocation>) answers.get(Modifier.LOCATIONS),
                (Double) answers.get(Modifier.HOURS_SINCE_ONSET), (Boolean) answers.get(Modifier.KNOWN_TRIGGER),
                (Boolean) answers.get(Modifier.WORSENING), (Boolean) answers.get(Modifier.RECURRING),
                (Boolean) answers.get(Modifier.RESOLVED), (Spread) answers.get(Modifier.SPREAD),
                (Trigger) answers.get(Modifier.TRIGGER));
    }
}
