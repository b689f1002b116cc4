package dev.triageapi.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.text.ParsedText.CueKind;
import dev.triageapi.text.ParsedText.Mention;
import dev.triageapi.text.ParsedText.MentionKind;
import dev.triageapi.text.PhraseIndex.Entry;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.SymptomStatus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Gives each modifier the text names (onset, side, places, severity, time since onset, the course) to the symptom it
 * belongs to, joining two answers for one symptom the way that keeps the more alarming reading.
 */
final class ModifierAttacher {

    /**
     * How and when one complaint began, which holds for the others of its clause ("sudden weakness and slurred speech
     * since 2 hours"). Not what brought it on nor whether it is getting worse: "my arms are weak and I can't swallow,
     * the weakness is not getting worse" says nothing of the swallowing, and reading it for both would lower an
     * ambulance call.
     */
    private static final Set<Modifier> SPREAD_TO_CLAUSE = EnumSet.of(Modifier.ONSET, Modifier.HOURS_SINCE_ONSET);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Catalog catalog;
    private final Set<String> pairedPlurals = new HashSet<>();
    private final Lending lending;

    ModifierAttacher(Catalog catalog, Lexicon lexicon) {
        this.catalog = catalog;
        lexicon.pairedPlurals().forEach(w -> pairedPlurals.add(fold(w)));
        this.lending = new Lending(catalog, lexicon);
    }

    /**
     * The modifiers of each symptom unit: its {@code own}, which words say of it (or of its clause, for how and when
     * it began), and those {@code lent} to it by words said once for several complaints.
     */
    record Attached(Map<Integer, Map<Modifier, Object>> own, Map<Integer, Map<Modifier, Object>> lent) {
    }

    /**
     * Reads the modifier words of the text and attaches each modifier found to the symptom it belongs to; returns the
     * modifiers by the unit of their symptom. A pair named in the plural ("my legs", "both feet") is both sides,
     * unless a side was said. {@code present} tells whether a symptom unit is said to be present.
     */
    Attached attach(String text, List<Unit> units, List<Integer> symptomUnits, List<Found> found, Set<Integer> bothSides,
                    List<Mention> mentions, boolean firstPerson, IntPredicate present) {
        List<Integer> pluralUnits = new ArrayList<>();
        Set<Integer> passing = new HashSet<>();
        // Modifier words.
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            if (u.has(Role.MODIFIER) && u.has(Role.SYMPTOM)) {
                continue; // read with its symptom above
            }
            if (u.has(Role.MODIFIER) && u.match.entries().stream().anyMatch(e -> e.code() != null && e.code().equals("locations"))
                    && pairedPlural(text.substring(u.start, u.end))) {
                pluralUnits.add(k);
            }
            if (u.has(Role.MODIFIER)) {
                for (Entry e : u.match.entries()) {
                    if (e.role() == Role.MODIFIER) {
                        Modifier m = Modifier.byCode(e.code()).orElseThrow();
                        found.add(new Found(k, u.start, u.end, m, ModifierValues.valueOf(m, e.value()), text.substring(u.start, u.end)));
                    }
                }
            } else if (u.has(Role.PASSING_CAUSE)) {
                Object cause = ModifierValues.valueOf(Modifier.TRIGGER, u.match.first(Role.PASSING_CAUSE).value());
                found.add(new Found(k, u.start, u.end, Modifier.TRIGGER, cause, text.substring(u.start, u.end)));
                passing.add(k);
            }
        }
        Map<Integer, Map<Modifier, Object>> attached = new LinkedHashMap<>();
        Map<Integer, Map<Modifier, Object>> lent = new LinkedHashMap<>();
        List<Found> saidCauses = new ArrayList<>();
        found.sort(Comparator.comparingInt(Found::unit));
        for (Found f : found) {
            Context c = f.text() == null ? new Context(SymptomStatus.PRESENT, null) : ConText.context(text, units, f.unit(), false, firstPerson);
            Unit well = f.text() != null && (f.modifier() == Modifier.SIDE || f.modifier() == Modifier.LOCATIONS)
                    ? PlaceWords.saidWell(units, f.unit()) : null;
            if (well != null) {
                c = new Context(SymptomStatus.ABSENT, ConText.cue(text, well, well, CueKind.NEGATION));
            }
            if (c.status() == SymptomStatus.ABSENT && f.modifier().kind() == Modifier.Kind.BOOLEAN) {
                // "not getting worse": said, and said no; a doubt or someone else's stays unknown.
                f = new Found(f.unit(), f.start(), f.end(), f.modifier(), Boolean.FALSE, f.text());
                c = new Context(SymptomStatus.PRESENT, c.cue());
            }
            boolean inPassing = f.text() != null && passing.contains(f.unit());
            int target = c.status() == SymptomStatus.PRESENT && !inPassing ? target(units, symptomUnits, f) : -1;
            List<Integer> reached = inPassing && c.status() == SymptomStatus.PRESENT
                    ? lending.reached(text, units, symptomUnits, f) : List.of();
            int named = target >= 0 ? target : reached.isEmpty() ? -1 : reached.get(0);
            String symptom = named < 0 ? null : units.get(named).symptomCode();
            if (f.text() != null) {
                mentions.add(new Mention(f.start(), f.end(), f.text(), MentionKind.MODIFIER, f.modifier().code(),
                        ModifierValues.valueText(f.value()), symptom, named < 0 && c.status() == SymptomStatus.PRESENT ? SymptomStatus.UNKNOWN
                        : c.status(), c.cue()));
            }
            for (int s : reached) {
                ModifierValues.putAt(lent, s, f.modifier(), f.value(), true);
            }
            if (target >= 0) {
                ModifierValues.putAt(attached, target, f.modifier(), f.value(), true);
                boolean all = sentenceHas(units, f.unit(), Role.ALL);
                if (all || SPREAD_TO_CLAUSE.contains(f.modifier())) {
                    for (int other : symptomUnits) {
                        if (other != target && (all || units.get(other).clause == units.get(target).clause)
                                && takes(units.get(other), f.modifier())) {
                            ModifierValues.putAt(attached, other, f.modifier(), f.value(), false);
                        }
                    }
                }
                if (Lending.LENDABLE.contains(f.modifier())) {
                    for (int other : lending.lentTo(units, symptomUnits, f, target)) {
                        ModifierValues.putAt(lent, other, f.modifier(), f.value(), true);
                    }
                }
            }
            if (c.status() == SymptomStatus.PRESENT && f.modifier() == Modifier.TRIGGER) {
                saidCauses.add(f);
            }
        }
        lending.pointedBack(units, symptomUnits, saidCauses, present,
                b -> ConText.context(text, units, b, false, firstPerson).status() == SymptomStatus.PRESENT, attached, lent);

        // "My legs", "both feet": a pair named in the plural is both sides, unless a side was said.
        for (int p : pluralUnits) {
            int target = target(units, symptomUnits, new Found(p, 0, 0, Modifier.SIDE, Side.BOTH, null));
            if (target >= 0 && ConText.context(text, units, p, false, firstPerson).status() == SymptomStatus.PRESENT) {
                bothSides.add(target);
            }
        }
        for (int b : bothSides) {
            if (takes(units.get(b), Modifier.SIDE)) {
                ModifierValues.putAt(attached, b, Modifier.SIDE, Side.BOTH, false);
            }
        }
        return new Attached(attached, lent);
    }

    /**
     * The symptom a modifier belongs to: the nearest symptom that takes it in its own clause, else in its sentence
     * (the one before on a tie). A side or a place stays in its clause ("my right leg is fine but my left leg went
     * weak"). A time nearer to another concept than to any symptom is that concept's ("diabetic for 10 years, and my
     * arm is weak": the years are the diabetes'); how it began or how bad it is never is ("pregnant and suddenly a
     * terrible headache"). Only a sentence that names no concept at all ("It started two hours
     * ago.") lends its modifiers to the last symptom before it.
     */
    private int target(List<Unit> units, List<Integer> symptomUnits, Found f) {
        Unit at = units.get(f.unit());
        if (at.concept() && at.has(Role.SYMPTOM)) {
            return takes(at, f.modifier()) ? f.unit() : -1; // implied by the symptom's own phrase
        }
        boolean clauseOnly = f.modifier() == Modifier.SIDE || f.modifier() == Modifier.LOCATIONS;
        int best = nearest(units, symptomUnits, f, true);
        if (best < 0 && !clauseOnly) {
            best = nearest(units, symptomUnits, f, false);
        }
        if (best >= 0 && f.modifier() == Modifier.HOURS_SINCE_ONSET) {
            int other = nearestOtherConcept(units, f.unit());
            return other >= 0 && Math.abs(other - f.unit()) < Math.abs(best - f.unit()) ? -1 : best;
        }
        if (best >= 0) {
            return best;
        }
        if (clauseOnly || units.stream().anyMatch(u -> u.sentence == at.sentence && u.concept())) {
            return -1;
        }
        for (int i = symptomUnits.size() - 1; i >= 0; i--) {
            int s = symptomUnits.get(i);
            if (s < f.unit() && takes(units.get(s), f.modifier())) {
                return s;
            }
        }
        return -1;
    }

    private int nearest(List<Unit> units, List<Integer> symptomUnits, Found f, boolean sameClause) {
        Unit at = units.get(f.unit());
        boolean place = (f.modifier() == Modifier.LOCATIONS || f.modifier() == Modifier.SIDE)
                && PlaceWords.subjectOfNext(units, symptomUnits, f.unit());
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int s : symptomUnits) {
            Unit symptom = units.get(s);
            boolean near = sameClause ? symptom.clause == at.clause : symptom.sentence == at.sentence;
            if (!near || !takes(symptom, f.modifier())) {
                continue;
            }
            // On a tie the complaint before wins, unless the place is the subject of the one after ("y mis manos están débiles").
            boolean after = s > f.unit();
            int d = Math.abs(s - f.unit()) * 2 + (after != place ? 1 : 0);
            if (place && symptom.scope != at.scope) {
                d += PlaceWords.OTHER_SCOPE; // "my thighs are sore and my hands are weak": the hands are the weakness'
            }
            if (d < bestDistance) {
                best = s;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The nearest concept of the clause that is not a symptom (a risk factor, a pregnancy), or -1. */
    private static int nearestOtherConcept(List<Unit> units, int k) {
        int best = -1;
        for (int j = 0; j < units.size(); j++) {
            Unit u = units.get(j);
            if (u.clause == units.get(k).clause && u.concept() && !u.has(Role.SYMPTOM)
                    && (best < 0 || Math.abs(j - k) < Math.abs(best - k))) {
                best = j;
            }
        }
        return best;
    }

    private boolean takes(Unit symptom, Modifier modifier) {
        return takes(catalog, symptom, modifier);
    }

    /** Whether the symptom a unit names takes the modifier, by the catalog. */
    static boolean takes(Catalog catalog, Unit symptom, Modifier modifier) {
        return takes(catalog, symptom.symptomCode(), modifier);
    }

    /** Whether the symptom of this code takes the modifier, by the catalog. */
    static boolean takes(Catalog catalog, String symptom, Modifier modifier) {
        return catalog.symptom(symptom).map(d -> d.modifiers().contains(modifier.code())).orElse(false);
    }

    private static boolean sentenceHas(List<Unit> units, int k, Role role) {
        int sentence = units.get(k).sentence;
        return units.stream().anyMatch(u -> u.sentence == sentence && u.has(role));
    }

    /** Whether a word, as written, names a pair in the plural ("legs", "piernas"). */
    boolean pairedPlural(String word) {
        return pairedPlurals.contains(fold(word));
    }

    /** A word in lower case without its accents, for the raw-text lists (the paired plurals). */
    private static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }
}
