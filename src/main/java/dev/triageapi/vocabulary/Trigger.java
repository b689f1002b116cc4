package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What the patient says brought a complaint on; a missing answer is unknown, never "nothing". */
public enum Trigger {
    /** Unaccustomed or hard exercise. */
    EXERCISE,
    /** A fall, a blow or a strain. */
    INJURY,
    /** Too little or poor sleep. */
    POOR_SLEEP,
    /** A recent illness such as a cold or flu. */
    RECENT_ILLNESS,
    /** A vaccination in the last few days. */
    VACCINATION,
    /** Stress, worry or overwork. */
    STRESS,
    /** Heat, or not drinking enough. */
    HEAT,
    /** Drinking alcohol. */
    ALCOHOL,
    /** A long journey. */
    TRAVEL,
    /** Asked, and nothing the patient knows of brought it on. */
    NONE;

    /** The wire name in snake_case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
