package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The answers a symptom may carry besides its status, one descriptor each. The JSON and FHIR mappers, the FHIR
 * Questionnaire, the intake page (through {@code GET /api/v1/modifiers}) and the test generators all read them from
 * here; their words for people are in the catalog ({@code catalog/modifiers.json}), checked against this list at start.
 */
public enum Modifier {
    ONSET("onset", Kind.CHOICE, index(Onset.values(), Onset::code)),
    SIDE("side", Kind.CHOICE, index(Side.values(), Side::code)),
    SEVERITY("severity", Kind.CHOICE, index(Severity.values(), Severity::code)),
    LOCATIONS("locations", Kind.CHOICES, index(BodyLocation.values(), BodyLocation::code)),
    HOURS_SINCE_ONSET("hoursSinceOnset", Kind.DECIMAL, Map.of()),
    KNOWN_TRIGGER("knownTrigger", Kind.BOOLEAN, Map.of()),
    WORSENING("worsening", Kind.BOOLEAN, Map.of()),
    RECURRING("recurring", Kind.BOOLEAN, Map.of()),
    RESOLVED("resolved", Kind.BOOLEAN, Map.of()),
    SPREAD("spread", Kind.CHOICE, index(Spread.values(), Spread::code)),
    TRIGGER("trigger", Kind.CHOICE, index(Trigger.values(), Trigger::code)),
    NOTICED_ON_WAKING("noticedOnWaking", Kind.BOOLEAN, Map.of()),
    HOURS_SINCE_LAST_KNOWN_WELL("hoursSinceLastKnownWell", Kind.DECIMAL, Map.of());

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
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String code;
    private final Kind kind;
    /** The values of a choice modifier by their code, in order; empty for numbers and yes/no. */
    private final Map<String, Object> choices;

    Modifier(String code, Kind kind, Map<String, Object> choices) {
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

    /** The Java type of one answer: the enum of its choices, a collection of them, {@link Double} or {@link Boolean}. */
    public Class<?> type() {
        return switch (kind) {
            case CHOICE -> ((Enum<?>) choices.values().iterator().next()).getDeclaringClass();
            case CHOICES -> Collection.class;
            case DECIMAL -> Double.class;
            case BOOLEAN -> Boolean.class;
        };
    }

    /** The codes a choice modifier takes, in order; empty for numbers and yes/no. */
    public List<String> choices() {
        return List.copyOf(choices.keySet());
    }

    /** The value a choice code stands for ({@link Onset}, {@link Side}, {@link Severity}, {@link BodyLocation}, {@link Spread}, {@link Trigger}), or empty. */
    public Optional<Object> choice(String value) {
        return Optional.ofNullable(choices.get(value));
    }

    public static Optional<Modifier> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }

    /** Every modifier by its code: the interview looks one up for each answer it tries. */
    private static final Map<String, Modifier> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(m -> m.code, m -> m));

    private static <E> Map<String, Object> index(E[] constants, Function<E, String> codeOf) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (E constant : constants) {
            out.put(codeOf.apply(constant), constant);
        }
        return Collections.unmodifiableMap(out);
    }
}
