package dev.triageapi.triage.facts;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.Spread;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Trigger;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A reported symptom as the rules see it. Every modifier may be {@code null}, which means "not asked or not
 * answered"; the helper predicates keep that apart from "no" so that rules never read a missing answer as a negative.
 */
public final class Symptom {

    // The shoulder and hip girdles move the arm and the leg: a stroke that weakens an arm may be felt at the shoulder.
    private static final Set<BodyLocation> LIMBS = EnumSet.of(BodyLocation.ARM, BodyLocation.UPPER_ARM, BodyLocation.SHOULDER,
            BodyLocation.HAND, BodyLocation.LEG, BodyLocation.THIGH, BodyLocation.HIP, BodyLocation.FOOT);
    private static final Set<BodyLocation> FACE_ARM_OR_LEG = union(LIMBS, EnumSet.of(BodyLocation.FACE));
    private static final Set<BodyLocation> LEGS = EnumSet.of(BodyLocation.LEG, BodyLocation.THIGH, BodyLocation.FOOT);
    private static final Set<BodyLocation> LOWER_BODY = union(LEGS, EnumSet.of(BodyLocation.HIP, BodyLocation.TRUNK, BodyLocation.BACK));
    /** The muscles nearest the trunk, where myopathies and polymyalgia show first. */
    private static final Set<BodyLocation> PROXIMAL = EnumSet.of(
            BodyLocation.SHOULDER, BodyLocation.UPPER_ARM, BodyLocation.HIP, BodyLocation.THIGH);

    private final String code;
    private final SymptomStatus status;
    private final Onset onset;
    private final Side side;
    private final Severity severity;
    private final Set<BodyLocation> locations;
    private final Double hoursSinceOnset;
    private final Boolean knownTrigger;
    private final Boolean worsening;
    private final Boolean recurring;
    private final Boolean resolved;
    private final Spread spread;
    private final Trigger trigger;

    private Symptom(Builder b) {
        this.code = b.code;
        this.status = b.status == null ? SymptomStatus.PRESENT : b.status;
        this.onset = b.onset;
        this.side = b.side;
        this.severity = b.severity;
        this.locations = b.locations == null || b.locations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.locations));
        this.hoursSinceOnset = b.hoursSinceOnset;
        this.knownTrigger = b.knownTrigger;
        this.worsening = b.worsening;
        this.recurring = b.recurring;
        this.resolved = b.resolved;
        this.spread = b.spread;
        this.trigger = b.trigger;
    }

    private static Set<BodyLocation> union(Set<BodyLocation> a, Set<BodyLocation> b) {
        Set<BodyLocation> out = EnumSet.copyOf(a);
        out.addAll(b);
        return out;
    }

    /** A symptom with this code; every modifier left unset is unknown. */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** This symptom with one modifier answered (a location is added to those already given). */
    @SuppressWarnings("unchecked")
    public Symptom with(Modifier modifier, Object value) {
        Builder b = builder(code).status(status).onset(onset).side(side).severity(severity).locations(locations)
                .hoursSinceOnset(hoursSinceOnset).knownTrigger(knownTrigger).worsening(worsening).recurring(recurring).resolved(resolved)
                .spread(spread).trigger(trigger);
        if (modifier == Modifier.LOCATIONS) {
            Set<BodyLocation> more = EnumSet.noneOf(BodyLocation.class);
            more.addAll(locations);
            more.addAll((Collection<BodyLocation>) value);
            return b.locations(more).build();
        }
        return b.set(modifier, value).build();
    }

    /** A present symptom with no modifiers; convenient in tests. */
    public static Symptom present(String code) {
        return builder(code).build();
    }

    /** This symptom with another status and every modifier kept. */
    public Symptom withStatus(SymptomStatus newStatus) {
        Builder b = builder(code).status(newStatus);
        for (Modifier m : Modifier.values()) {
            b.set(m, get(m));
        }
        return b.build();
    }

    /** The answer given for a modifier, or null when it is unknown. */
    public Object get(Modifier modifier) {
        return switch (modifier) {
            case ONSET -> onset;
            case SIDE -> side;
            case SEVERITY -> severity;
            case LOCATIONS -> locations.isEmpty() ? null : locations;
            case HOURS_SINCE_ONSET -> hoursSinceOnset;
            case KNOWN_TRIGGER -> knownTrigger;
            case WORSENING -> worsening;
            case RECURRING -> recurring;
            case RESOLVED -> resolved;
            case SPREAD -> spread;
            case TRIGGER -> trigger;
        };
    }

    /** Builds a {@link Symptom}: the status defaults to present, every modifier to unknown. */
    public static final class Builder {
        private final String code;
        private SymptomStatus status;
        private Onset onset;
        private Side side;
        private Severity severity;
        private Set<BodyLocation> locations;
        private Double hoursSinceOnset;
        private Boolean knownTrigger;
        private Boolean worsening;
        private Boolean recurring;
        private Boolean resolved;
        private Spread spread;
        private Trigger trigger;

        private Builder(String code) {
            this.code = code;
        }

        public Builder status(SymptomStatus value) { status = value; return this; }
        public Builder onset(Onset value) { onset = value; return this; }
        public Builder side(Side value) { side = value; return this; }
        public Builder severity(Severity value) { severity = value; return this; }
        public Builder locations(Set<BodyLocation> value) { locations = value; return this; }
        public Builder hoursSinceOnset(Double value) { hoursSinceOnset = value; return this; }
        public Builder knownTrigger(Boolean value) { knownTrigger = value; return this; }
        public Builder worsening(Boolean value) { worsening = value; return this; }
        public Builder recurring(Boolean value) { recurring = value; return this; }
        public Builder resolved(Boolean value) { resolved = value; return this; }
        public Builder spread(Spread value) { spread = value; return this; }
        public Builder trigger(Trigger value) { trigger = value; return this; }

        /** Sets a modifier from a value of its type ({@link Modifier#kind()}); null leaves it unknown. */
        @SuppressWarnings("unchecked")
        public Builder set(Modifier modifier, Object value) {
            switch (modifier) {
                case ONSET -> onset = (Onset) value;
                case SIDE -> side = (Side) value;
                case SEVERITY -> severity = (Severity) value;
                // An empty list is "not answered" (the contract allows it), and EnumSet.copyOf refuses an empty one.
                case LOCATIONS -> locations = value == null || ((Collection<?>) value).isEmpty()
                        ? null : EnumSet.copyOf((Collection<BodyLocation>) value);
                case HOURS_SINCE_ONSET -> hoursSinceOnset = (Double) value;
                case KNOWN_TRIGGER -> knownTrigger = (Boolean) value;
                case WORSENING -> worsening = (Boolean) value;
                case RECURRING -> recurring = (Boolean) value;
                case RESOLVED -> resolved = (Boolean) value;
                case SPREAD -> spread = (Spread) value;
                case TRIGGER -> trigger = (Trigger) value;
            }
            return this;
        }

        public Symptom build() {
            return new Symptom(this);
        }
    }

    public String getCode() { return code; }
    public SymptomStatus getStatus() { return status; }
    public Onset getOnset() { return onset; }
    public Side getSide() { return side; }
    public Severity getSeverity() { return severity; }
    public Set<BodyLocation> getLocations() { return locations; }
    public Double getHoursSinceOnset() { return hoursSinceOnset; }
    public Boolean getKnownTrigger() { return knownTrigger; }
    public Boolean getWorsening() { return worsening; }
    public Boolean getRecurring() { return recurring; }
    public Boolean getResolved() { return resolved; }
    public Spread getSpread() { return spread; }
    public Trigger getTrigger() { return trigger; }

    /** True when this symptom is in the catalog's symptom group of that name (checked to exist when rules load). */
    public boolean inGroup(String group) { return Catalog.bundled().inGroup(group, code); }

    public boolean isPresent() { return status == SymptomStatus.PRESENT; }
    public boolean isAbsent() { return status == SymptomStatus.ABSENT; }
    public boolean isStatusUnknown() { return status == SymptomStatus.UNKNOWN; }

    public boolean isSudden() { return onset == Onset.SUDDEN; }
    public boolean isGradual() { return onset == Onset.GRADUAL; }
    public boolean isOnsetUnknown() { return onset == null; }

    public boolean isSevere() { return severity == Severity.SEVERE; }
    public boolean isSeverityUnknown() { return severity == null; }
    public boolean isMild() { return severity == Severity.MILD; }

    public boolean isOneSided() { return side == Side.LEFT || side == Side.RIGHT; }
    public boolean isSideUnknown() { return side == null; }

    public boolean isFaceInvolved() { return locations.contains(BodyLocation.FACE); }

    /** Affects the face, an arm or a leg, or the location was not given (so it may). */
    public boolean isPossiblyFaceArmOrLeg() {
        return locations.isEmpty() || locations.stream().anyMatch(FACE_ARM_OR_LEG::contains);
    }

    /** Affects an arm or a leg, or the location was not given (so it may). */
    public boolean isPossiblyLimb() {
        return locations.isEmpty() || locations.stream().anyMatch(LIMBS::contains);
    }

    /** Reported on both sides and only in the legs, feet or trunk: the pattern of a spinal cord problem. */
    public boolean isBothLegsOnly() {
        return side == Side.BOTH && !locations.isEmpty() && LOWER_BODY.containsAll(locations)
                && locations.stream().anyMatch(LEGS::contains);
    }

    /** Reported at the shoulders, upper arms, hips or thighs and nowhere further out. */
    public boolean isProximal() {
        return !locations.isEmpty() && PROXIMAL.containsAll(locations);
    }

    public boolean isSpreadingUpward() { return spread == Spread.UPWARD; }
    public boolean isSpreadingDownward() { return spread == Spread.DOWNWARD; }

    /** True when the patient said this brought it on (e.g. {@code "exercise"}); false when another or none was given. */
    public boolean triggeredBy(String code) { return trigger != null && trigger.code().equals(code); }

    public boolean isWholeBody() { return locations.contains(BodyLocation.WHOLE_BODY); }

    /** Known to be getting worse: said so, or said to be spreading (a weakness that spreads is getting worse). */
    public boolean isWorseningKnown() { return Boolean.TRUE.equals(worsening) || spread != null; }
    public boolean isWorseningNotDenied() { return !isWorseningDenied(); }
    /** Known not to be getting worse (false when unanswered, or when it is said to be spreading). */
    public boolean isWorseningDenied() { return Boolean.FALSE.equals(worsening) && spread == null; }
    public boolean isRecurringKnown() { return Boolean.TRUE.equals(recurring); }
    /** True when it is known to have come and gone: a resolved sign is still a reported sign. */
    public boolean isResolvedKnown() { return Boolean.TRUE.equals(resolved); }
    public boolean isTriggerKnown() { return Boolean.TRUE.equals(knownTrigger); }
    public boolean isDurationUnknown() { return hoursSinceOnset == null; }

    /** Started at most {@code hours} ago, as reported. False when the duration is unknown. */
    public boolean startedWithin(double hours) { return hoursSinceOnset != null && hoursSinceOnset <= hours; }

    /** Has lasted more than {@code hours}, as reported. False when the duration is unknown. */
    public boolean lastedOver(double hours) { return hoursSinceOnset != null && hoursSinceOnset > hours; }

    @Override
    public String toString() {
        return "Symptom[" + code + "]";
    }
}
