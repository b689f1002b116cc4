package dev.triageapi.text;

import dev.triageapi.text.ParsedText.Cue;
import dev.triageapi.text.ParsedText.CueKind;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.vocabulary.SymptomStatus;

import java.util.List;

/**
 * The status a concept takes from the cues around it, after NegEx/ConText (Chapman et al. 2001; Harkema et al. 2009):
 * someone else's, the distant past, a hedge, one negation or two, each within its reach and its scope.
 */
final class ConText {

    /** Words a negation cue reaches across (NegEx's window is five). */
    private static final int NEGATION_REACH = 5;
    /** Words an after-cue ("denied", "ninguno") reaches back across. */
    static final int AFTER_REACH = 3;
    /** Words a hedge reaches across. */
    private static final int UNCERTAINTY_REACH = 6;

    /**
     * The status of the concept at unit {@code k}: someone else's or (for a symptom) the distant past give unknown; a
     * hedge gives unknown; one negation cue in scope gives absent, two give unknown; else present.
     */
    static Context context(String text, List<Unit> units, int k, boolean pastIsNotNow, boolean firstPerson) {
        Unit u = units.get(k);
        // A relative and a verb ("my husband has", "mi papá tuvo") make only a risk factor someone else's: "my husband
        // had a seizure an hour ago" is how a spouse reports the patient's emergency, and "my wife is 34 weeks pregnant"
        // her pregnancy, so a symptom or a pregnancy needs an explicit "family history of", "runs in my family" or "died
        // of" to be someone else's.
        boolean riskFactor = u.match != null && u.match.has(Role.RISK_FACTOR);
        // Someone else's: "family history of ...", "... runs in my family"; for a risk factor also "my mum has ...".
        // The phrase reaches the first concept after it, not past a comma: "family history of stroke, sudden numbness".
        for (int j = k - 1; j >= 0 && units.get(j).scope == u.scope; j--) {
            Unit c = units.get(j);
            if (c.cue(Role.OTHER_BEFORE)) {
                return new Context(SymptomStatus.UNKNOWN, cue(text, c, c, CueKind.OTHER_PERSON));
            }
            boolean listed = units.get(j + 1).has(Role.LIST_AND) || units.get(j + 1).has(Role.LIST_OR);
            if (c.concept() && !listed || units.get(j + 1).commaBefore) {
                break; // "family history of diabetes and stroke" is one list; past a comma the patient speaks again
            }
            if (c.cue(Role.FAMILY_VERB) && firstPerson && riskFactor) {
                for (int r = j - 1; r >= Math.max(0, j - 3) && units.get(r).scope == u.scope; r--) {
                    if (units.get(r).cue(Role.RELATIVE)) {
                        return new Context(SymptomStatus.UNKNOWN, cue(text, units.get(r), c, CueKind.OTHER_PERSON));
                    }
                }
            }
        }
        Unit after = afterCue(units, k, Role.OTHER_AFTER, AFTER_REACH + 2);
        if (after != null) {
            return new Context(SymptomStatus.UNKNOWN, cue(text, after, after, CueKind.OTHER_PERSON));
        }
        if (pastIsNotNow) {
            for (int j = k - 1; j >= 0 && units.get(j).scope == u.scope; j--) {
                if (units.get(j).cue(Role.HISTORICAL_BEFORE)) {
                    return new Context(SymptomStatus.UNKNOWN, cue(text, units.get(j), units.get(j), CueKind.HISTORICAL));
                }
            }
            after = afterCue(units, k, Role.HISTORICAL_AFTER, AFTER_REACH + 2);
            if (after != null) {
                return new Context(SymptomStatus.UNKNOWN, cue(text, after, after, CueKind.HISTORICAL));
            }
        }
        Unit hedge = beforeCue(units, k, Role.UNCERTAINTY_BEFORE, UNCERTAINTY_REACH, false);
        if (hedge == null) {
            hedge = afterCue(units, k, Role.UNCERTAINTY_AFTER, AFTER_REACH);
        }
        if (hedge != null) {
            return new Context(SymptomStatus.UNKNOWN, cue(text, hedge, hedge, CueKind.UNCERTAINTY));
        }
        int nearest = beforeIndex(units, k, Role.NEGATION_BEFORE, NEGATION_REACH, false);
        if (nearest >= 0 && crossesCommaOutsideList(units, nearest, k)) {
            nearest = -1;
        }
        if (nearest >= 0 && afterCue(units, k, Role.NEGATION_CANCEL, AFTER_REACH) != null) {
            nearest = -1;
        }
        if (nearest >= 0 && (listedAfterAComplaint(text, units, nearest, k, firstPerson) || u.ownNo && u.has(Role.SYMPTOM))) {
            nearest = -1; // "I have no fever and no strength in my legs": the weakness says its own "no"
        }
        if (nearest >= 0) {
            // A second negation right before the first, with no phrase between them, cancels it into a doubt.
            int outer = beforeIndex(units, nearest, Role.NEGATION_BEFORE, 2, true);
            if (outer >= 0) {
                return new Context(SymptomStatus.UNKNOWN, cue(text, units.get(outer), units.get(nearest), CueKind.DOUBLE_NEGATION));
            }
            return new Context(SymptomStatus.ABSENT, cue(text, units.get(nearest), units.get(nearest), CueKind.NEGATION));
        }
        Unit negationAfter = afterCue(units, k, Role.NEGATION_AFTER, AFTER_REACH);
        if (negationAfter != null) {
            return new Context(SymptomStatus.ABSENT, cue(text, negationAfter, negationAfter, CueKind.NEGATION));
        }
        return new Context(SymptomStatus.PRESENT, null);
    }

    /**
     * Whether a "no" would reach its phrase across a comma without the list being one ("no fever, chills or
     * headache"): "not pregnant, 24F, stomach cramps" does not deny the cramps.
     */
    private static boolean crossesCommaOutsideList(List<Unit> units, int cue, int k) {
        boolean comma = false;
        for (int j = cue + 1; j <= k; j++) {
            comma |= units.get(j).commaBefore;
        }
        if (!comma) {
            return false;
        }
        for (int j = cue + 1; j < units.size() && units.get(j).scope == units.get(k).scope; j++) {
            if (units.get(j).cue(Role.LIST_OR)) {
                return j > k && !sameList(units, k, j);
            }
        }
        return true;
    }

    /**
     * Whether the "or" at {@code or}, after the phrase at {@code k}, ends the same list: not when a "no" or an amount of
     * time comes between them, nor when the "or" is a "nor" after a comma, which starts a list of its own ("No fever,
     * crushing chest pain for an hour, no cough or cold"; "Sin fiebre, se me durmió el brazo, ni tos ni nada").
     */
    private static boolean sameList(List<Unit> units, int k, int or) {
        if (units.get(or).cue(Role.NEGATION_BEFORE) && units.get(or).commaBefore) {
            return false;
        }
        for (int j = k + 1; j < or; j++) {
            if (units.get(j).cue(Role.NEGATION_BEFORE) || units.get(j).quantity) {
                return false;
            }
        }
        return true;
    }

    /** Units a "nor" looks back across for the complaint it continues. */
    private static final int LIST_REACH = 8;

    /**
     * Whether the "no" before a place or a time is a "nor" ("ni") that continues a complaint said with its own "no": in
     * "no puedo mover la pierna ni el brazo desde hace una hora" the arm and the hour are the complaint's too,
     * where in "no fever nor a stiff neck" the "nor" goes on denying. The first complaint before the "nor" decides, when
     * its own phrase begins with the "no" and no other "no" comes between them ("tengo débil el brazo izquierdo, ni el
     * derecho" denies the right; "no siento el brazo, ni la pierna" is both), and so does a complaint the "nor" joins
     * without a comma ("I can't swallow nor speak properly"). A value that could lower the level (mild, gone, gradual)
     * never continues.
     */
    private static boolean listedAfterAComplaint(String text, List<Unit> units, int cue, int k, boolean firstPerson) {
        Unit u = units.get(k);
        // Places and times, not sides: "ni en la izquierda", "ni el lado derecho tengo nada" deny the other side.
        boolean placeOrTime = !u.concept() && (u.quantity || u.has(Role.MODIFIER) && u.match.entries().stream()
                .allMatch(e -> e.role() != Role.MODIFIER || "locations".equals(e.code())));
        // And a complaint the "nor" joins with no comma: "I can't swallow nor speak properly" is both.
        boolean complaint = u.has(Role.SYMPTOM) && !units.get(cue).commaBefore;
        if (!(placeOrTime || complaint) || !units.get(cue).has(Role.LIST_OR)) {
            return false;
        }
        for (int j = cue - 1; j >= Math.max(0, cue - LIST_REACH) && units.get(j).scope == u.scope; j--) {
            Unit c = units.get(j);
            if (c.concept()) {
                return c.has(Role.SYMPTOM) && c.ownNo && context(text, units, j, false, firstPerson).status() == SymptomStatus.PRESENT;
            }
            if (c.cue(Role.NEGATION_BEFORE)) {
                return false; // "me duele la cabeza, no es leve ni poquito": the "ni" goes on with this "no"
            }
        }
        return false;
    }

    private static Unit beforeCue(List<Unit> units, int k, Role role, int reach, boolean stopAtConcept) {
        int i = beforeIndex(units, k, role, reach, stopAtConcept);
        return i < 0 ? null : units.get(i);
    }

    /**
     * The nearest unit before {@code k} in its scope with the role, within {@code reach} words that are neither
     * phrases of the lexicon's concepts nor modifiers (NegEx counts words the same way). An "and" followed by anything
     * but a concept starts a new predicate the cue does not reach: "no fever and sudden weakness" denies the fever only.
     */
    private static int beforeIndex(List<Unit> units, int k, Role role, int reach, boolean stopAtConcept) {
        int scope = units.get(k).scope;
        int words = 0;
        for (int j = k - 1; j >= 0 && units.get(j).scope == scope; j--) {
            Unit c = units.get(j);
            if (c.cue(role)) {
                return j;
            }
            if (stopAtConcept && (c.concept() || c.has(Role.MODIFIER))) {
                return -1;
            }
            if (c.has(Role.LIST_AND) && !units.get(j + 1).concept()) {
                return -1;
            }
            boolean listed = c.concept() || c.has(Role.MODIFIER) || c.has(Role.LIST_OR) || c.has(Role.LIST_AND) || c.quantity;
            if (!listed && ++words > reach) {
                return -1;
            }
        }
        return -1;
    }

    /** The nearest unit after {@code k} in its scope with the role, before any other phrase and within reach. */
    static Unit afterCue(List<Unit> units, int k, Role role, int reach) {
        int scope = units.get(k).scope;
        int unknown = 0;
        for (int j = k + 1; j < units.size() && units.get(j).scope == scope; j++) {
            Unit c = units.get(j);
            if (c.cue(role)) {
                return c;
            }
            if (c.concept() || (c.unknownWord() && !c.covered && ++unknown > reach)) {
                return null;
            }
        }
        return null;
    }

    static Cue cue(String text, Unit from, Unit to, CueKind kind) {
        return new Cue(from.start, to.end, text.substring(from.start, to.end), kind);
    }

    /**
     * Two mentions of one code: present outranks a doubt, which outranks a "no", so one "I have it" is never undone
     * by another phrase's "no"; someone else's or a past one ranks last, so it never undoes the patient's own "no".
     */
    static Context stronger(Context a, Context b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Context c) {
        return switch (c.status()) {
            case PRESENT -> 3;
            case UNKNOWN -> c.cue() != null && (c.cue().kind() == CueKind.OTHER_PERSON || c.cue().kind() == CueKind.HISTORICAL) ? 0 : 2;
            case ABSENT -> 1;
        };
    }

    private ConText() {
    }
}
