package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Level of consciousness on the ACVPU scale NEWS2 uses; anything but {@code ALERT} scores 3. */
public enum Consciousness {
    /** Awake, eyes open, responding normally. */
    ALERT,
    /** New confusion or disorientation (the C of ACVPU). */
    NEW_CONFUSION,
    /** Responds only when spoken to. */
    VOICE,
    /** Responds only to pain. */
    PAIN,
    /** Does not respond. */
    UNRESPONSIVE;

    /** The wire name in snake_case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
