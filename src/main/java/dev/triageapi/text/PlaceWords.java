package dev.triageapi.text;

import dev.triageapi.text.PhraseIndex.Entry;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.text.Tokens.Token;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Side;

import java.util.List;

/**
 * Whose a place or a side the text names is: no complaint's when said to be well, the complaint it is the subject of;
 * and the places named where a two-part symptom was begun but not finished.
 */
final class PlaceWords {

    /** How much farther a complaint counts for a place when a new subject ("and my") stands between them. */
    static final int OTHER_SCOPE = 1_000;

    private PlaceWords() {
    }

    /**
     * The words that say a place is well ("both of my legs are ok", "my left leg is fine"), when they follow the place or
     * side at {@code k} in its clause before any complaint is named, with no "not" right before them; else null.
     */
    static Unit saidWell(List<Unit> units, int k) {
        Unit at = units.get(k);
        boolean place = names(at, Modifier.LOCATIONS);
        boolean side = names(at, Modifier.SIDE);
        for (int j = k + 1; j < units.size() && units.get(j).sentence == at.sentence && units.get(j).clause == at.clause
                && !units.get(j).commaBefore; j++) {
            Unit u = units.get(j);
            if (u.cue(Role.WELL_AFTER)) {
                // "my left arm is not ok", "no está normal": the place is the complaint's after all
                return units.get(j - 1).cue(Role.NEGATION_BEFORE) ? null : u;
            }
            boolean another = names(u, Modifier.LOCATIONS) ? place : names(u, Modifier.SIDE) && (side || place);
            if (u.concept() || another) {
                return null; // a complaint, or another place or side, comes first: the words are about that
            }
            place |= names(u, Modifier.LOCATIONS);
            side |= names(u, Modifier.SIDE);
        }
        return null;
    }

    private static boolean names(Unit u, Modifier modifier) {
        return u.match != null && u.match.entries().stream().anyMatch(e -> e.role() == Role.MODIFIER && modifier.code().equals(e.code()));
    }

    /**
     * Whether the place at {@code k} is the subject of the complaint after it: it begins its clause or a new member
     * of a list ("my left arm is weak", "and my hands are weak", "y mis manos están débiles", a possessive allowed
     * before it), and a complaint follows in its scope with no comma or "no" between. "Weakness in my right leg and
     * blurry vision" and "weak right leg without numbness" give the place to the complaint before it.
     */
    static boolean subjectOfNext(List<Unit> units, List<Integer> symptomUnits, int k) {
        int j = k - 1;
        while (j >= 0 && units.get(j).sentence == units.get(k).sentence && units.get(j).cue(Role.CLAUSE_START)
                && !units.get(j).has(Role.LIST_AND) && !units.get(j).concept() && !units.get(j).has(Role.MODIFIER)) {
            j--; // "my", "mis"
        }
        boolean begins = j < 0 || units.get(j).sentence != units.get(k).sentence || units.get(j).has(Role.LIST_AND)
                || units.get(j).cue(Role.TERMINATION) || units.get(j + 1).commaBefore;
        if (!begins) {
            return false;
        }
        for (int s : symptomUnits) {
            if (s > k && units.get(s).scope == units.get(k).scope && units.subList(k + 1, s + 1).stream()
                    .noneMatch(u -> u.commaBefore || u.cue(Role.NEGATION_BEFORE) || u.cue(Role.NEGATION_AFTER))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The places named in the first part of a two-part symptom whose second part never came ("y mis manos están
     * débiles": "débiles" is a complaint of its own) and that is the subject of the complaint after it, as modifiers
     * found there; a pair in the plural is both sides.
     */
    static void inUnjoinedPairs(String text, List<Token> words, List<Unit> units, List<Integer> symptomUnits, PhraseIndex index,
                                ModifierAttacher attacher, List<Found> found) {
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            if (!u.concept() && u.has(Role.PAIR_FIRST) && !u.has(Role.MODIFIER) && subjectOfNext(units, symptomUnits, k)
                    && inside(text, words, u, k, index, attacher, true, found)) {
                found.add(new Found(k, u.start, u.end, Modifier.SIDE, Side.BOTH, text.substring(u.start, u.end)));
            }
        }
    }

    /**
     * The places and sides the words of a unit name one by one, as modifiers found at it: with the words' own text when
     * {@code said} (a mention, read with its cues), else implied by the complaint's own phrase ("my left arm is
     * weak"). Returns whether a pair is named in the plural ("legs", "las manos"), which is both sides.
     */
    static boolean inside(String text, List<Token> words, Unit u, int k, PhraseIndex index, ModifierAttacher attacher,
                          boolean said, List<Found> found) {
        boolean plural = false;
        for (int t = u.from; t < u.to; t++) {
            Token word = words.get(t);
            String written = text.substring(word.start(), word.end());
            for (Entry e : index.single(word.term())) {
                if (e.role() == Role.MODIFIER && (e.code().equals("locations") || e.code().equals("side"))) {
                    Modifier m = Modifier.byCode(e.code()).orElseThrow();
                    Object value = ModifierValues.valueOf(m, e.value());
                    found.add(said ? new Found(k, word.start(), word.end(), m, value, written) : new Found(k, u.start, u.end, m, value, null));
                }
            }
            plural |= attacher.pairedPlural(written);
        }
        return plural;
    }
}
