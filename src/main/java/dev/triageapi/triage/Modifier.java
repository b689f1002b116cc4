package dev.triageapi.triage;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answers a symptom may carry besides its status, one descriptor each. The JSON and FHIR mappers, the FHIR
 * Questionnaire, the intake page (through {@code GET /api/v1/modifiers}) and the test generators all read them from
 * here; their words for people are in the catalog ({@code catalog/modifiers.json}), checked against this list at start.
 */
public enum Modifier {
    ONSET("onset", Kind.CHOICE, codes(Onset.values(), Onset::code)),
    SIDE("side", Kind.CHOICE, codes(Side.values(), Side::code)),
    SEVERITY("severity", Kind.CHOICE, codes(Severity.values(), Severity::code)),
    LOCATIONS("locations", Kind.CHOICES, codes(BodyLocation.values(), BodyLocation::code)),
    HOURS_SINCE_ONSET("hoursSinceOnset", Kind.DECIMAL, List.of()),
    KNOWN_TRIGGER("knownTrigger", Kind.BOOLEAN, List.of()),
    WORSENING("worsening", Kind.BOOLEAN, List.of()),
    RECURRING("recurring", Kind.BOOLEAN, List.of());

    /** What kind of answer a modifier takes. */
    public enum Kind {
        /** One code of {@link Modifier#choices()}. */
        CHOICE,
        /** Any number of codes of {@link Modifier#choices()}. */
        CHOICES,
        /** A number (hours). */
        DECIMAL,
        /** Yes or no. */
        BOOLEAN;

        @JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String code;
    private final Kind kind;
    private final List<String> choices;

    Modifier(String code, Kind kind, List<String> choices) {
        this.code = code;
        this.kind = kind;
        this.choices = choices;
    }

    /** The field name in the JSON contract, the FHIR modifier code and the Questionnaire linkId suffix. */
    @JsonValue
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The codes a choice modifier takes, in order; empty for numbers and yes/no. */
    public List<String> choices() {
        return choices;
    }

    /** The value a choice code stands for ({@link Onset}, {@link Side}, {@link Severity}, {@link BodyLocation}), or empty. */
    public Optional<Object> choice(String value) {
        return Optional.ofNullable(switch (this) {
            case ONSET -> value(Onset.values(), Onset::code, value).orElse(null);
            case SIDE -> value(Side.values(), Side::code, value).orElse(null);
            case SEVERITY -> value(Severity.values(), Severity::code, value).orElse(null);
            case LOCATIONS -> value(BodyLocation.values(), BodyLocation::code, value).orElse(null);
            default -> null;
        });
    }

    public static Optional<Modifier> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    /** The constant among {@code constants} whose code is {@code code}, or empty. */
    public static <E extends Enum<E>> Optional<E> value(E[] constants, Function<E, String> codeOf, String code) {
        return Arrays.stream(constants).filter(e -> codeOf.apply(e).equals(code)).findFirst();
    }

    private static <E> List<String> codes(E[] constants, Function<E, String> codeOf) {
        return Arrays.stream(constants).map(codeOf).toList();
    }
}
