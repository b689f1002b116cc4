package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Body regions a symptom can be reported at. */
public enum BodyLocation {
    FACE,
    EYE,
    EYELID,
    ARM,
    HAND,
    LEG,
    FOOT,
    NECK,
    TRUNK,
    WHOLE_BODY,
    SHOULDER,
    UPPER_ARM,
    HIP,
    THIGH,
    BACK;

    /** The wire name in snake_case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
