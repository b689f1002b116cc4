package dev.triageapi.triage.facts;

import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.Spread;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Trigger;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Builds a {@link Symptom}: the status defaults to present, every modifier to unknown. */
public final class SymptomBuilder {
    final String code;
    SymptomStatus status;
    final Map<Modifier, Object> answers = new EnumMap<>(Modifier.class);
    final Set<BodyLocation> locations = EnumSet.noneOf(BodyLocation.class);

    SymptomBuilder(String code) {
        this.code = code;
    }

    public SymptomBuilder status(SymptomStatus value) { status = value; return this; }
    public SymptomBuilder onset(Onset value) { return set(Modifier.ONSET, value); }
    public SymptomBuilder side(Side value) { return set(Modifier.SIDE, value); }
    public SymptomBuilder severity(Severity value) { return set(Modifier.SEVERITY, value); }
    public SymptomBuilder locations(Set<BodyLocation> value) { return set(Modifier.LOCATIONS, value); }
    public SymptomBuilder hoursSinceOnset(Double value) { return set(Modifier.HOURS_SINCE_ONSET, value); }
    public SymptomBuilder knownTrigger(Boolean value) { return set(Modifier.KNOWN_TRIGGER, value); }
    public SymptomBuilder worsening(Boolean value) { return set(Modifier.WORSENING, value); }
    public SymptomBuilder recurring(Boolean value) { return set(Modifier.RECURRING, value); }
    public SymptomBuilder resolved(Boolean value) { return set(Modifier.RESOLVED, value); }
    public SymptomBuilder spread(Spread value) { return set(Modifier.SPREAD, value); }
    public SymptomBuilder trigger(Trigger value) { return set(Modifier.TRIGGER, value); }
    public SymptomBuilder noticedOnWaking(Boolean value) { return set(Modifier.NOTICED_ON_WAKING, value); }
    public SymptomBuilder hoursSinceLastKnownWell(Double value) { return set(Modifier.HOURS_SINCE_LAST_KNOWN_WELL, value); }

    /**
     * Sets a modifier from a value of its type ({@link Modifier#kind()}); null leaves it unknown, and so does an
     * empty list of locations (the contract allows it). A value of another type is refused here, not in a rule.
     */
    @SuppressWarnings("unchecked")
    public SymptomBuilder set(Modifier modifier, Object value) {
        if (modifier == Modifier.LOCATIONS) {
            locations.clear();
            if (value != null) {
                locations.addAll((Collection<BodyLocation>) value);
            }
            return this;
        }
        if (value == null) {
            answers.remove(modifier);
        } else if (!modifier.type().isInstance(value)) {
            throw new IllegalArgumentException(modifier.code() + " takes a " + modifier.type().getSimpleName()
                    + ", not a " + value.getClass().getSimpleName());
        } else {
            answers.put(modifier, value);
        }
        return this;
    }

    public Symptom build() {
        return new Symptom(this);
    }
}
