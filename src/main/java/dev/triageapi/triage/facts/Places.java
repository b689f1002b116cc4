package dev.triageapi.triage.facts;

import dev.triageapi.vocabulary.BodyLocation;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where on the body a symptom was reported, read as the rules need it: the limbs, the legs, the hands and feet, the
 * muscles nearest the trunk. An empty set means the place was not given.
 */
final class Places {

    // The shoulder and hip girdles move the arm and the leg: a stroke that weakens an arm may be felt at the shoulder.
    private static final Set<BodyLocation> LIMBS = EnumSet.of(BodyLocation.ARM, BodyLocation.UPPER_ARM, BodyLocation.SHOULDER,
            BodyLocation.HAND, BodyLocation.LEG, BodyLocation.THIGH, BodyLocation.HIP, BodyLocation.FOOT);
    private static final Set<BodyLocation> FACE_ARM_OR_LEG = union(LIMBS, EnumSet.of(BodyLocation.FACE));
    private static final Set<BodyLocation> LEGS = EnumSet.of(BodyLocation.LEG, BodyLocation.THIGH, BodyLocation.FOOT);
    private static final Set<BodyLocation> LOWER_BODY = union(LEGS, EnumSet.of(BodyLocation.HIP, BodyLocation.TRUNK, BodyLocation.BACK));
    private static final Set<BodyLocation> ARMS = EnumSet.of(BodyLocation.SHOULDER, BodyLocation.UPPER_ARM, BodyLocation.ARM,
            BodyLocation.HAND);
    private static final Set<BodyLocation> LEGS_AND_HIPS = union(LEGS, EnumSet.of(BodyLocation.HIP));
    /** The hands and feet, where a trapped nerve or a neuropathy is felt first. */
    private static final Set<BodyLocation> HANDS_AND_FEET = EnumSet.of(BodyLocation.HAND, BodyLocation.FOOT);
    /** The muscles nearest the trunk, where myopathies and polymyalgia show first. */
    private static final Set<BodyLocation> PROXIMAL = EnumSet.of(
            BodyLocation.SHOULDER, BodyLocation.UPPER_ARM, BodyLocation.HIP, BodyLocation.THIGH);

    /**
     * The questions the rules ask of a symptom's places, each a test of the whole set: a session's copy notes which it
     * asked ({@link ReadNotes}), so that two answers every asked test gives alike are known to give the same outcome.
     */
    enum Test {
        FACE(p -> p.contains(BodyLocation.FACE)),
        FOOT(p -> p.contains(BodyLocation.FOOT)),
        WHOLE_BODY(p -> p.contains(BodyLocation.WHOLE_BODY)),
        NONE_GIVEN(Set::isEmpty),
        POSSIBLY_FACE_ARM_OR_LEG(Places::possiblyFaceArmOrLeg),
        POSSIBLY_LIMB(Places::possiblyLimb),
        LEGS_ONLY(Places::legsOnly),
        LIMBS_ONLY(Places::limbsOnly),
        ARM_ONLY(Places::armOnly),
        HAND_OR_FOOT_ONLY(Places::handOrFootOnly),
        PROXIMAL(Places::proximal);

        private final Predicate<Set<BodyLocation>> test;

        Test(Predicate<Set<BodyLocation>> test) {
            this.test = test;
        }

        boolean of(Set<BodyLocation> places) {
            return test.test(places);
        }
    }

    /** The places an answer holds: none when it is unknown ({@code null}). */
    @SuppressWarnings("unchecked")
    static Set<BodyLocation> of(Object answer) {
        return answer == null || ((Collection<BodyLocation>) answer).isEmpty() ? Set.of()
                : EnumSet.copyOf((Collection<BodyLocation>) answer);
    }

    /**
     * Whether {@code places} holds one in neither {@code of} nor the limb one of them is in (the arms; the legs and
     * hips): hands that weaken after a leg workout are beyond the sore thighs, legs are not. False when no place was given.
     */
    static boolean beyond(Set<BodyLocation> places, Set<BodyLocation> of) {
        return places.stream().anyMatch(p -> !of.contains(p) && !(ARMS.contains(p) && of.stream().anyMatch(ARMS::contains))
                && !(LEGS_AND_HIPS.contains(p) && of.stream().anyMatch(LEGS_AND_HIPS::contains)));
    }

    /** Affects the face, an arm or a leg, or no place was given (so it may). */
    static boolean possiblyFaceArmOrLeg(Set<BodyLocation> places) {
        return places.isEmpty() || places.stream().anyMatch(FACE_ARM_OR_LEG::contains);
    }

    /** Affects an arm or a leg, or no place was given (so it may). */
    static boolean possiblyLimb(Set<BodyLocation> places) {
        return places.isEmpty() || places.stream().anyMatch(LIMBS::contains);
    }

    /** Only in the legs, feet or trunk, and in a leg or foot among them. */
    static boolean legsOnly(Set<BodyLocation> places) {
        return !places.isEmpty() && LOWER_BODY.containsAll(places) && places.stream().anyMatch(LEGS::contains);
    }

    /** In the limbs (shoulder and hip included) and nowhere else. */
    static boolean limbsOnly(Set<BodyLocation> places) {
        return !places.isEmpty() && LIMBS.containsAll(places);
    }

    /** In an arm (shoulder and hand included) and nowhere else. */
    static boolean armOnly(Set<BodyLocation> places) {
        return !places.isEmpty() && ARMS.containsAll(places);
    }

    /** In a hand or a foot, or both, and nowhere else. */
    static boolean handOrFootOnly(Set<BodyLocation> places) {
        return !places.isEmpty() && HANDS_AND_FEET.containsAll(places);
    }

    /** At the shoulders, upper arms, hips or thighs and nowhere further out. */
    static boolean proximal(Set<BodyLocation> places) {
        return !places.isEmpty() && PROXIMAL.containsAll(places);
    }

    private static Set<BodyLocation> union(Set<BodyLocation> a, Set<BodyLocation> b) {
        Set<BodyLocation> out = EnumSet.copyOf(a);
        out.addAll(b);
        return out;
    }

    private Places() {
    }
}
