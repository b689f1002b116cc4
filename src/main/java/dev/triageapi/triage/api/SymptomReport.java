package dev.triageapi.triage.api;

import com.fasterxml.jackson.annotation.JsonInclude;
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

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One reported symptom. Every modifier is optional, and a missing one means "unknown", never "no". */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ReportUnknownFields(at = "symptoms[]")
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
        Trigger trigger,

        @Schema(description = "For a stroke sign: true if the patient found it on waking (a wake-up stroke), so it may "
                + "have begun at any time since going to sleep. A stroke sign found on waking calls for an ambulance.")
        Boolean noticedOnWaking,

        @Schema(description = "For a stroke sign: hours since the patient was last seen or felt well without it (for a "
                + "sign found on waking, since going to sleep); 0 to 1,051,200. When hoursSinceOnset is not known, the "
                + "stroke time windows count from this instead.", examples = "7", minimum = "0", maximum = "1051200")
        @DecimalMin("0") @DecimalMax("1051200")
        Double hoursSinceLastKnownWell) {

    /** A report without spread or trigger answers, as v1 clients send it. */
    public SymptomReport(String code, SymptomStatus status, Onset onset, Side side, Severity severity,
                         List<BodyLocation> locations, Double hoursSinceOnset, Boolean knownTrigger, Boolean worsening,
                         Boolean recurring, Boolean resolved) {
        this(code, status, onset, side, severity, locations, hoursSinceOnset, knownTrigger, worsening, recurring, resolved,
                null, null, null, null);
    }

    /**
     * Each modifier's record component, found by its name (the modifier's code): the record is the JSON contract and
     * the {@link Modifier} descriptors say what its fields mean, so the two are matched once here instead of in a switch
     * kept by hand. A modifier without a component of its own name stops the service from starting.
     */
    private static final Map<Modifier, Method> ACCESSORS = new EnumMap<>(Modifier.class);
    private static final RecordComponent[] COMPONENTS = SymptomReport.class.getRecordComponents();
    private static final Constructor<SymptomReport> CANONICAL;

    static {
        for (RecordComponent component : COMPONENTS) {
            Modifier.byCode(component.getName()).ifPresent(m -> ACCESSORS.put(m, component.getAccessor()));
        }
        for (Modifier m : Modifier.values()) {
            if (!ACCESSORS.containsKey(m)) {
                throw new ExceptionInInitializerError("SymptomReport has no field for modifier " + m.code());
            }
        }
        try {
            CANONICAL = SymptomReport.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The answer given for a modifier, or null when it was not sent. */
    public Object modifier(Modifier modifier) {
        try {
            return ACCESSORS.get(modifier).invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + modifier.code(), e);
        }
    }

    /** A report from answers keyed by modifier (values of each modifier's type), as the FHIR mapper reads them. */
    public static SymptomReport of(String code, SymptomStatus status, Map<Modifier, Object> answers) {
        Object[] arguments = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            String name = COMPONENTS[i].getName();
            arguments[i] = name.equals("code") ? code : name.equals("status") ? status
                    : Modifier.byCode(name).map(answers::get).orElse(null);
        }
        try {
            return CANONICAL.newInstance(arguments);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("an answer is not of its modifier's type", e);
        }
    }
}
