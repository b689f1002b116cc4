package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a symptom began; a missing onset is unknown, never gradual. */
public enum Onset {
    SUDDEN,
    GRADUAL;

    /** The wire name in snake_case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
