package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Sex of the patient as reported. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN;

    /** The wire name in snake_case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
