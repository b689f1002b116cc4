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
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A reported symptom as the rules see it. Every modifier may be {@code null}, which means "not asked or not
 * answered"; the helper predicates keep that apart from "no" so that rules never read a missing answer as a negative.
 * One piece, because every predicate a rule calls on a symptom is a method of the fact the rules match.
 */
public final class Symptom {

    private final String code;
    private final SymptomStatus status;
    /** The answers given, keyed by modifier; a modifier not in it is unknown. Locations are kept as a set below. */
    private final Map<Modifier, Object> answers;
    private final Set<BodyLocation> locations;
    /** The catalog's symptom groups this symptom is in, resolved when it goes into a session; empty until then. */
    private final Set<String> groups;
    /** True for the copy a session holds: it notes what the rules asked of its answers. */
    private final boolean recording;
    /** What the rules asked of the answers so far: only the session's copy has it, and the copy is not shared. */
    private final ReadNotes notes;

    Symptom(SymptomBuilder b) {
        this.code = b.code;
        this.status = b.status == null ? SymptomStatus.PRESENT : b.status;
        EnumMap<Modifier, Object> given = new EnumMap<>(Modifier.class);
        b.answers.forEach((modifier, value) -> {
            if (modifier != Modifier.LOCATIONS) {
                given.put(modifier, value);
            }
        });
        this.answers = Collections.unmodifiableMap(given);
        this.locations = b.locations.isEmpty() ? Set.of() : Set.copyOf(b.locations);
        this.groups = Set.of();
        this.recording = false;
        this.notes = null;
    }

    private Symptom(Symptom same, Set<String> groups) {
        this.code = same.code;
        this.status = same.status;
        this.answers = same.answers;
        this.locations = same.locations;
        this.groups = groups;
        this.recording = true;
        this.notes = new ReadNotes();
    }

    /**
     * This symptom as it goes into a session, used by that session alone and not thread-safe: it knows the groups it
     * is in (a rule names a group, {@code inGroup("focal_deficits")}, and reads a property of the fact, not a global
     * catalog), and it notes which answers the rules read ({@link #modifiersRead()}).
     */
    public Symptom forSession(Set<String> memberOf) {
        return new Symptom(this, Set.copyOf(memberOf));
    }

    /**
     * The modifiers whose answers the rules read of this session's copy. An evaluation is a deterministic function of
     * what it reads, so an answer it never read cannot change its outcome: a question about it need not be evaluated.
     */
    public Set<Modifier> modifiersRead() {
        return readNotes().modifiers();
    }

    /**
     * What the rules asked of the answers of this session's copy: two answers they asked alike about give the same
     * outcome, so only one of them needs an evaluation.
     */
    public ReadNotes readNotes() {
        if (!recording) {
            throw new IllegalStateException("only a symptom made for a session notes what the rules read");
        }
        return notes;
    }

    /** The answer itself, read whole. */
    private Object answer(Modifier modifier) {
        if (recording) {
            notes.whole(modifier);
        }
        return answers.get(modifier);
    }

    /** Whether the answer is {@code value}. */
    private boolean is(Modifier modifier, Object value) {
        if (recording) {
            notes.value(modifier, value);
        }
        return value.equals(answers.get(modifier));
    }

    /** Whether the answer is known. */
    private boolean known(Modifier modifier) {
        if (recording) {
            notes.known(modifier);
        }
        return answers.get(modifier) != null;
    }

    /** Whether the answer, a number of hours, is known and at most {@code hours}. */
    private boolean atMost(Modifier modifier, double hours) {
        if (recording) {
            notes.bound(modifier, hours);
        }
        Double given = (Double) answers.get(modifier);
        return given != null && given <= hours;
    }

    /** What a test of the places gives. */
    private boolean place(Places.Test test) {
        if (recording) {
            notes.place(test);
        }
        return test.of(locations);
    }

    private Set<BodyLocation> places() {
        if (recording) {
            notes.whole(Modifier.LOCATIONS);
        }
        return locations;
    }

    /** A symptom with this code; every modifier left unset is unknown. */
    public static SymptomBuilder builder(String code) {
        return new SymptomBuilder(code);
    }

    /** This symptom with one modifier answered (a location is added to those already given). */
    @SuppressWarnings("unchecked")
    public Symptom with(Modifier modifier, Object value) {
        SymptomBuilder b = copy(status);
        if (modifier == Modifier.LOCATIONS) {
            b.locations.addAll((Collection<BodyLocation>) value);
            return b.build();
        }
        return b.set(modifier, value).build();
    }

    /** This symptom with another status and every modifier kept. */
    public Symptom withStatus(SymptomStatus newStatus) {
        return copy(newStatus).build();
    }

    private SymptomBuilder copy(SymptomStatus newStatus) {
        if (recording) {
            // A what-if is built from the case's symptom, never from the session's copy: the copy would lose its groups
            // and the reads it noted.
            throw new IllegalStateException("a session's copy of a symptom is not copied again");
        }
        SymptomBuilder b = builder(code).status(newStatus);
        b.answers.putAll(answers);
        b.locations.addAll(locations);
        return b;
    }

    /** The answer given for a modifier, or null when it is unknown. */
    public Object get(Modifier modifier) {
        if (modifier == Modifier.LOCATIONS) {
            return places().isEmpty() ? null : locations;
        }
        return answer(modifier);
    }

    /** True when the other reports the same symptom with the same status and answers, places included. */
    public boolean reportsAlike(Symptom other) {
        return code.equals(other.code) && status == other.status && answers.equals(other.answers) && locations.equals(other.locations);
    }

    public String getCode() { return code; }
    public SymptomStatus getStatus() { return status; }
    // Typed views of the answers, for the rules' constraints: the DRL reads properties, not a map.
    public Onset getOnset() { return (Onset) answer(Modifier.ONSET); }
    public Side getSide() { return (Side) answer(Modifier.SIDE); }
    public Severity getSeverity() { return (Severity) answer(Modifier.SEVERITY); }
    public Set<BodyLocation> getLocations() { return places(); }
    public Double getHoursSinceOnset() { return (Double) answer(Modifier.HOURS_SINCE_ONSET); }
    public Boolean getKnownTrigger() { return (Boolean) answer(Modifier.KNOWN_TRIGGER); }
    public Boolean getWorsening() { return (Boolean) answer(Modifier.WORSENING); }
    public Boolean getRecurring() { return (Boolean) answer(Modifier.RECURRING); }
    public Boolean getResolved() { return (Boolean) answer(Modifier.RESOLVED); }
    public Spread getSpread() { return (Spread) answer(Modifier.SPREAD); }
    public Trigger getTrigger() { return (Trigger) answer(Modifier.TRIGGER); }
    public Boolean getNoticedOnWaking() { return (Boolean) answer(Modifier.NOTICED_ON_WAKING); }
    public Double getHoursSinceLastKnownWell() { return (Double) answer(Modifier.HOURS_SINCE_LAST_KNOWN_WELL); }

    /**
     * True when this symptom is in the catalog's symptom group of that name (checked to exist when rules load), as
     * resolved when it went into the session.
     */
    public boolean inGroup(String group) { return groups.contains(group); }

    public boolean isPresent() { return status == SymptomStatus.PRESENT; }
    public boolean isAbsent() { return status == SymptomStatus.ABSENT; }
    public boolean isStatusUnknown() { return status == SymptomStatus.UNKNOWN; }

    public boolean isSudden() { return is(Modifier.ONSET, Onset.SUDDEN); }
    public boolean isGradual() { return is(Modifier.ONSET, Onset.GRADUAL); }
    public boolean isOnsetUnknown() { return !known(Modifier.ONSET); }

    public boolean isSevere() { return is(Modifier.SEVERITY, Severity.SEVERE); }
    public boolean isSeverityUnknown() { return !known(Modifier.SEVERITY); }
    public boolean isMild() { return is(Modifier.SEVERITY, Severity.MILD); }

    public boolean isOneSided() { return is(Modifier.SIDE, Side.LEFT) | is(Modifier.SIDE, Side.RIGHT); }
    public boolean isSideUnknown() { return !known(Modifier.SIDE); }

    public boolean isFaceInvolved() { return place(Places.Test.FACE); }

    /** Affects the face, an arm or a leg, or the location was not given (so it may). */
    public boolean isPossiblyFaceArmOrLeg() {
        return place(Places.Test.POSSIBLY_FACE_ARM_OR_LEG);
    }

    /** Affects an arm or a leg, or the location was not given (so it may). */
    public boolean isPossiblyLimb() {
        return place(Places.Test.POSSIBLY_LIMB);
    }

    /** Reported on both sides and only in the legs, feet or trunk: the pattern of a spinal cord problem. */
    public boolean isBothLegsOnly() {
        return is(Modifier.SIDE, Side.BOTH) && isLegsOnly();
    }

    /** Reported only in the legs, feet or trunk, and in a leg or foot among them. */
    private boolean isLegsOnly() {
        return place(Places.Test.LEGS_ONLY);
    }

    /**
     * May be the spinal pattern of both legs: reported so ({@link #isBothLegsOnly()}), or only in the legs, feet or trunk
     * with the side not given, or on both sides with the place not given. Each unanswered half could complete it.
     */
    public boolean isPossiblyBothLegsOnly() {
        if (isBothLegsOnly()) {
            return true;
        }
        return (!known(Modifier.SIDE) && isLegsOnly()) || (is(Modifier.SIDE, Side.BOTH) && place(Places.Test.NONE_GIVEN));
    }

    /** Reported in the limbs (shoulder and hip included) and nowhere else; false when no place was given. */
    public boolean isLimbOnly() {
        return place(Places.Test.LIMBS_ONLY);
    }

    /**
     * Reported somewhere {@code other} is not, outside the limb its places are in: weak hands beside thighs sore after
     * a leg workout. False when either gave no place.
     */
    public boolean reachesBeyond(Symptom other) {
        Set<BodyLocation> theirs = other.places();
        return !theirs.isEmpty() && Places.beyond(places(), theirs);
    }

    /** Reported in an arm (shoulder and hand included) and nowhere else; false when no place was given. */
    public boolean isArmOnly() {
        return place(Places.Test.ARM_ONLY);
    }

    /** Said to have been brought on by nothing in particular. */
    public boolean isTriggerDenied() { return is(Modifier.TRIGGER, Trigger.NONE); }

    /** Reported in a hand or a foot, or both, and nowhere else. */
    public boolean isHandOrFootOnly() {
        return place(Places.Test.HAND_OR_FOOT_ONLY);
    }

    public boolean isBothSides() { return is(Modifier.SIDE, Side.BOTH); }

    public boolean isFootInvolved() { return place(Places.Test.FOOT); }

    /** Reported at the shoulders, upper arms, hips or thighs and nowhere further out. */
    public boolean isProximal() {
        return place(Places.Test.PROXIMAL);
    }

    public boolean isSpreadingUpward() { return is(Modifier.SPREAD, Spread.UPWARD); }
    public boolean isSpreadingDownward() { return is(Modifier.SPREAD, Spread.DOWNWARD); }

    /** True when the patient said this brought it on (e.g. {@code "exercise"}); false when another or none was given. */
    public boolean triggeredBy(String code) {
        Object trigger = Modifier.TRIGGER.choice(code).orElse(Trigger.NONE);
        return trigger != Trigger.NONE && is(Modifier.TRIGGER, trigger); // no answer is a trigger of an unknown name
    }

    public boolean isWholeBody() { return place(Places.Test.WHOLE_BODY); }

    /** Known to be getting worse: said so, or said to be spreading (a weakness that spreads is getting worse). */
    public boolean isWorseningKnown() { return is(Modifier.WORSENING, Boolean.TRUE) || isSpreading(); }
    public boolean isWorseningNotDenied() { return !isWorseningDenied(); }
    /** Known not to be getting worse (false when unanswered, or when it is said to be spreading). */
    public boolean isWorseningDenied() { return is(Modifier.WORSENING, Boolean.FALSE) && !isSpreading(); }

    /** Said to be spreading, in either direction. */
    public boolean isSpreading() { return known(Modifier.SPREAD) && !is(Modifier.SPREAD, Spread.NONE); }
    public boolean isRecurringKnown() { return is(Modifier.RECURRING, Boolean.TRUE); }
    /** Known not to keep coming back: "no" was answered. */
    public boolean isRecurringDenied() { return is(Modifier.RECURRING, Boolean.FALSE); }
    /** True when it is known to have come and gone: a resolved sign is still a reported sign. */
    public boolean isResolvedKnown() { return is(Modifier.RESOLVED, Boolean.TRUE); }
    public boolean isTriggerKnown() { return is(Modifier.KNOWN_TRIGGER, Boolean.TRUE); }
    /** Found on waking: it began at some time while the patient slept (a wake-up stroke). */
    public boolean isFoundOnWaking() { return is(Modifier.NOTICED_ON_WAKING, Boolean.TRUE); }
    public boolean isDurationUnknown() { return !known(Modifier.HOURS_SINCE_ONSET); }

    /** Started at most {@code hours} ago, as the hours since onset report it. False when the duration is unknown. */
    public boolean startedWithin(double hours) { return atMost(Modifier.HOURS_SINCE_ONSET, hours); }

    /**
     * May have started at most {@code hours} ago: as the hours since onset report it, or, when those were not given, by
     * the hours since the patient was last known well, which bound the onset from the other side (it began after that).
     * The stroke rules' treatment windows read this, so a sign found with no known onset time but a known last-well
     * time stays inside a window that raises the level. False when neither is known.
     */
    public boolean mayHaveStartedWithin(double hours) {
        if (known(Modifier.HOURS_SINCE_ONSET)) {
            return atMost(Modifier.HOURS_SINCE_ONSET, hours);
        }
        return atMost(Modifier.HOURS_SINCE_LAST_KNOWN_WELL, hours);
    }

    /** Has lasted more than {@code hours}, as reported. False when the duration is unknown. */
    public boolean lastedOver(double hours) { return known(Modifier.HOURS_SINCE_ONSET) && !atMost(Modifier.HOURS_SINCE_ONSET, hours); }

    @Override
    public String toString() {
        return "Symptom[" + code + "]";
    }
}
