package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Which way a weakness or numbness has moved since it began; a missing answer is unknown. */
public enum Spread {
    /** From the feet or legs up the body, the way Guillain-Barré syndrome and tick paralysis spread. */
    UPWARD,
    /** From the eyes, face and throat down the body, the way botulism spreads. */
    DOWNWARD,
    /** Asked, and it has stayed where it began: "has not spread" is an answer, unlike no answer at all. */
    NONE;

    /** The wire name in snake_case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
