package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Whether a symptom was reported as present, explicitly absent, or not known. */
public enum SymptomStatus {
    PRESENT,
    ABSENT,
    UNKNOWN;

    /** The wire name in snake_case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
