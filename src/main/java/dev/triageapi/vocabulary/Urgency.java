package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Triage urgency levels, declared from lowest to highest so that {@link #compareTo} orders them. */
public enum Urgency {
    SELF_CARE,
    CONSULTATION,
    CONSULTATION_24,
    EMERGENCY,
    EMERGENCY_AMBULANCE;

    /** The wire name, e.g. {@code consultation_24}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isEmergency() {
        return this.compareTo(EMERGENCY) >= 0;
    }

    public Urgency max(Urgency other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }

    /** What the map holds for this level or, when it holds nothing, for the nearest level below; empty when neither. */
    public <V> Optional<V> nearestAtOrBelow(Map<Urgency, V> byLevel) {
        for (int i = ordinal(); i >= 0; i--) {
            V value = byLevel.get(values()[i]);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
