package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Whether the patient is pregnant, or gave birth within the last six weeks; not sent means unknown. */
public enum Pregnancy {
    PREGNANT,
    /** Gave birth within the last six weeks. */
    POSTPARTUM,
    NOT_PREGNANT;

    /** The wire name in snake_case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
