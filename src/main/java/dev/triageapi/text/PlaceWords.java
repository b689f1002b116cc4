package dev.triageapi.text;

import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.vocabulary.Modifier;

import java.util.List;

/** Whose a place or a side the text names is: no complaint's when said to be well, the complaint it is the subject of. */
final class PlaceWords {

    /** How much farther a complaint counts for a place when a new subject ("and my") stands between them. */
    static final int OTHER_SCOPE = 1_000;

    private PlaceWords() {
    }

    /**
     * The words that say a place is well ("both of my legs are ok"), when they follow the place or side at {@code k} in
     * its clause before any complaint is named; else null.
     */
    static Unit saidWell(List<Unit> units, int k) {
        Unit at = units.get(k);
        boolean place = names(at, Modifier.LOCATIONS);
        boolean side = names(at, Modifier.SIDE);
        for (int j = k + 1; j < units.size() && units.get(j).sentence == at.sentence && units.get(j).clause == at.clause
                && !units.get(j).commaBefore; j++) {
            Unit u = units.get(j);
            if (u.cue(Role.WELL_AFTER)) {
                return u;
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

    /** Whether a complaint follows the unit in its scope with no comma between: the place is its subject ("my hands are weak"). */
    static boolean subjectOfNext(List<Unit> units, List<Integer> symptomUnits, int k) {
        for (int s : symptomUnits) {
            if (s > k && units.get(s).scope == units.get(k).scope
                    && units.subList(k + 1, s + 1).stream().noneMatch(u -> u.commaBefore)) {
                return true;
            }
        }
        return false;
    }

}
