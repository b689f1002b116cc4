package dev.triageapi.text;

import dev.triageapi.text.PhraseIndex.Entry;
import dev.triageapi.text.PhraseIndex.Match;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.text.Tokens.Token;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a text's words into units, each a phrase of the lexicon (longest first) or one unknown word, and numbers their
 * sentences, clauses and cue scopes: a scope ends at a sentence's end, a termination term or a new clause.
 */
final class UnitReader {

    private final PhraseIndex index;

    UnitReader(PhraseIndex index) {
        this.index = index;
    }

    /** The text's units, two-part symptoms joined. */
    List<Unit> read(String text, List<Token> words) {
        List<Unit> units = read(text, words, null);
        pairs(units);
        return units;
    }

    /** Units apart that reach a two-part symptom: joined onto the later part, unless the symptom is there already. */
    private static final int PAIR_REACH = 8;

    private static void pairs(List<Unit> units) {
        for (int k = 0; k < units.size(); k++) {
            Unit later = units.get(k);
            if (later.match == null) {
                continue;
            }
            for (Entry part : later.match.entries()) {
                Role other = part.role() == Role.PAIR_SECOND ? Role.PAIR_FIRST : part.role() == Role.PAIR_FIRST ? Role.PAIR_SECOND : null;
                if (other == null || later.hasSymptom(part.code())) {
                    continue;
                }
                for (int j = k - 1; j >= Math.max(0, k - PAIR_REACH) && units.get(j).clause == later.clause; j--) {
                    Unit earlier = units.get(j);
                    if (earlier.hasSymptom(part.code())) {
                        break; // said whole already
                    }
                    if (earlier.match != null && earlier.match.entries().stream()
                            .anyMatch(e -> e.role() == other && e.code().equals(part.code()))) {
                        List<Entry> entries = new ArrayList<>(later.match.entries());
                        entries.add(new Entry(Role.SYMPTOM, part.code(), null, 0, part.implied()));
                        later.match = new Match(later.match.from(), later.match.to(), List.copyOf(entries));
                        later.concept = true;
                        later.mentionStart = earlier.start;
                        break;
                    }
                }
            }
        }
    }

    /** The text's units with {@code forced} as one of them, as it is (two-part symptoms are not joined). */
    List<Unit> read(String text, List<Token> words, Match forced) {
        List<Unit> units = new ArrayList<>();
        int[] typoBudget = {PhraseIndex.TYPO_LOOKUPS};
        int sentence = 0;
        int clause = 0;
        int scope = 0;
        int i = 0;
        while (i < words.size()) {
            Match m = forced != null && i == forced.from() ? forced : index.longest(words, i, typoBudget);
            if (m != null && forced != null && m != forced && m.to() > forced.from() && i < forced.from()) {
                m = m.to() > forced.from() ? null : m; // a phrase may not run into the concept
            }
            boolean clauseStart = m != null && m.has(Role.CLAUSE_START);
            boolean termination = m != null && m.has(Role.TERMINATION);
            if (m != null && forced == null && !m.concept()) {
                m = yieldToConcept(words, m, typoBudget);
            }
            int to = m == null ? i + 1 : m.to();
            Unit u = new Unit(i, to, m, words.get(i).start(), words.get(to - 1).end());
            // Said with its own "no" when its phrase begins with one ("no siento", "can't move", "sin fuerza"); a "no"
            // further in is part of a denial ("numbness between my legs or anywhere else", "ni en ningún otro lado").
            u.ownNo = u.concept && index.saysNo(words.get(i).term());
            u.commaBefore = words.get(i).commaBefore();
            if (words.get(i).sentenceBefore()) {
                sentence++;
                clause++;
                scope++;
            } else if (termination) {
                clause++;
                scope++;
            } else if (clauseStart && !units.isEmpty()
                    && (words.get(i).commaBefore() || !units.get(units.size() - 1).has(Role.UNCERTAINTY_BEFORE))) {
                scope++; // "I think I have a fever": the hedge reaches into the clause it introduces
            }
            u.sentence = sentence;
            u.clause = clause;
            u.scope = scope;
            units.add(u);
            i = to;
        }
        return units;
    }

    /**
     * The only phrases that may give way to a complaint inside them: a clause's start, the words around it, and a plain
     * negation. A modifier, a time, a termination, a hedge or anything else keeps its words (review of round 3: "this
     * morning stiffness in my neck" is no morning stiffness, "ya no tiene paralizada la cara" no "ya no").
     */
    private static final Set<Role> MAY_YIELD = EnumSet.of(Role.CLAUSE_START, Role.LIST_AND, Role.FIRST_PERSON, Role.NEGATION_BEFORE);
    /**
     * The roles by which a phrase on its own changes what the phrases near it mean (a relative's verb acts only after a
     * relative, so "I have" says nothing).
     */
    private static final Set<Role> SAYS_SOMETHING = EnumSet.of(Role.NEGATION_BEFORE, Role.NEGATION_AFTER, Role.NEGATION_CANCEL,
            Role.PSEUDO, Role.UNCERTAINTY_BEFORE, Role.UNCERTAINTY_AFTER, Role.OTHER_BEFORE, Role.OTHER_AFTER,
            Role.HISTORICAL_BEFORE, Role.HISTORICAL_AFTER, Role.ALL, Role.WELL_AFTER, Role.TERMINATION);

    /**
     * A cue never hides a complaint that begins inside it and ends after it, when the cue only starts a clause ("y me
     * duele el cuello" is a new clause and "me duele el cuello") or the complaint takes the cue's "no" with it ("I have
     * no strength" is "I have" and the weakness phrase "no strength"). Otherwise the phrase stays whole: "I could have
     * MS", "stopped taking insulin", "no tengo nada de temperatura" keep their hedge or their "no", and no modifier or
     * time gives way. The words the cue keeps (its longest phrase among them, else none) may not say anything it did
     * not: "nada más" is no "nada". A clause the cue started still starts there.
     */
    private Match yieldToConcept(List<Token> words, Match cue, int[] typoBudget) {
        if (!MAY_YIELD.containsAll(cue.roles())) {
            return cue;
        }
        for (int j = cue.from() + 1; j < cue.to(); j++) {
            Match inside = index.longest(words, j, typoBudget);
            if (inside == null || !inside.concept() || inside.to() <= cue.to()) {
                continue;
            }
            Match kept = index.longest(words.subList(0, j), cue.from(), typoBudget);
            Match taken = index.longest(words.subList(0, cue.to()), j, typoBudget);
            boolean negation = cue.has(Role.NEGATION_BEFORE);
            boolean carried = !negation || taken != null && taken.has(Role.NEGATION_BEFORE);
            boolean saysMore = kept != null && kept.roles().stream().anyMatch(r -> SAYS_SOMETHING.contains(r) && !cue.has(r));
            boolean keepsNo = negation && kept != null && kept.has(Role.NEGATION_BEFORE);
            return carried && !saysMore && !keepsNo ? kept : cue;
        }
        return cue;
    }
}
