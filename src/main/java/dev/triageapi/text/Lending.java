package dev.triageapi.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.vocabulary.Modifier;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Lends what brought complaints on, whether they are getting worse and when they began, when words say it once for
 * several of them, to each they reach; what a complaint says of itself always stays its own.
 */
final class Lending {

    /**
     * What brought a complaint on and whether it is getting worse, which words may say once for several complaints
     * ("After the gym my thighs are sore and weak", "Because of that I'm tired", "Not getting worse." after two
     * complaints). Each such reach is {@linkplain ModifierAttacher.Attached#lent() lent}, never the complaint's own: a
     * request takes lent values only where they raise the level or take a consultation to self-care (see
     * {@code TextIntake}).
     */
    static final Set<Modifier> LENDABLE = EnumSet.of(Modifier.TRIGGER, Modifier.WORSENING);
    /** Units before words pointing back that a "no" or a doubt right before them reaches ("no creo que por eso"). */
    private static final int DOUBT_REACH = 3;
    /** Units a cause said in passing looks back across for who it happened to. */
    private static final int SUBJECT_REACH = 3;

    private final Catalog catalog;
    /** The trigger a complaint is when words point back at it ("I sleep badly. Because of that I'm tired"). */
    private final Map<String, String> causes;
    /** The words that make what follows the writer's own ("my", "mi"). */
    private final Set<String> ownWords;
    /** The words that say the writer is the one who did something ("I", "me"). */
    private final Set<String> persons;

    Lending(Catalog catalog, Lexicon lexicon) {
        this.catalog = catalog;
        this.causes = lexicon.cues().backReference().causes();
        this.ownWords = lowerCase(lexicon.cues().otherPerson().own());
        this.persons = lowerCase(lexicon.cues().otherPerson().firstPerson());
    }

    private static Set<String> lowerCase(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The other complaints a cause or a course reaches: a cause said before every complaint of its sentence reaches all
     * of them in its clause ("After the gym my thighs are sore and weak", not past a "but"); whether it is getting
     * worse, said in a sentence that names no complaint and no word the lexicon does not know ("Came on gradually, not
     * getting worse.", but not "My cough is not getting worse."), reaches every complaint of the sentence before it.
     */
    List<Integer> lentTo(List<Unit> units, List<Integer> symptomUnits, Found f, int target) {
        Unit at = units.get(f.unit());
        boolean first = symptomUnits.stream().noneMatch(s -> units.get(s).sentence == at.sentence && s < f.unit());
        if (f.modifier() == Modifier.TRIGGER && first) {
            return symptomUnits.stream().filter(s -> s != target && units.get(s).clause == at.clause && s > f.unit()
                    && ModifierAttacher.takes(catalog, units.get(s), f.modifier())).toList();
        }
        boolean alone = units.stream().noneMatch(u -> u.sentence == at.sentence && (u.concept() || u.unknownWord()));
        if (f.modifier() != Modifier.WORSENING || !alone) {
            return List.of();
        }
        int sentence = units.get(target).sentence;
        return symptomUnits.stream().filter(s -> s != target && units.get(s).sentence == sentence
                && ModifierAttacher.takes(catalog, units.get(s), f.modifier())).toList();
    }

    /**
     * The complaints a cause said in passing reaches ("I fell and my neck hurts"), when a person fell (it follows a
     * person, an "and", a comma or nothing; not "my phone fell"): those after it in its sentence, and those before it
     * in its clause when it says who fell ("My neck hurts, I fell"; not "my neck hurts and then I fell"); when its own
     * sentence names no complaint, those of the next sentence ("I slipped on ice this morning. Now my neck hurts."),
     * or of the one before when it says who fell ("His neck hurts. He fell."). Never one the writer calls their own
     * when a relative or a "he", "she" fell ("My dad fell yesterday and my back hurts").
     */
    List<Integer> reached(String text, List<Unit> units, List<Integer> symptomUnits, Found f) {
        int k = f.unit();
        Unit before = k > 0 && units.get(k - 1).sentence == units.get(k).sentence ? units.get(k - 1) : null;
        boolean saysWho = before != null && (before.has(Role.FIRST_PERSON) || before.has(Role.RELATIVE) || before.has(Role.SEX_THIRD))
                || persons.contains(firstWord(text, units.get(k)));
        // Someone fell, not something: "my phone fell", "my blood pressure fell" reach nothing.
        if (!saysWho && before != null && !before.has(Role.LIST_AND) && !units.get(k).commaBefore) {
            return List.of();
        }
        int own = units.get(k).sentence;
        boolean alone = symptomUnits.stream().noneMatch(s -> units.get(s).sentence == own);
        boolean someoneElse = someoneElses(units, k);
        return symptomUnits.stream().filter(s -> {
            Unit u = units.get(s);
            boolean reach = alone ? u.sentence == own + 1 || saysWho && u.sentence == own - 1
                    : u.sentence == own && (s > k || saysWho && u.clause == units.get(k).clause);
            return reach && ModifierAttacher.takes(catalog, u, Modifier.TRIGGER)
                    && !(someoneElse && writersOwn(text, units, Math.min(k, s), Math.max(k, s)));
        }).toList();
    }

    private static String firstWord(String text, Unit u) {
        return text.substring(u.start, u.end).split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** Whether a word saying "I" or "my" comes between two units, or begins the later one's phrase. */
    private boolean writersOwn(String text, List<Unit> units, int from, int to) {
        for (int j = from + 1; j <= to; j++) {
            Unit u = units.get(j);
            if (u.has(Role.FIRST_PERSON) || ownWords.contains(firstWord(text, u))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words that point back ("Because of that", "since then", "por eso", "desde entonces") lend every complaint after
     * them in their sentence what the words before them said brought it on, and when it began: a cause said there ("I
     * did leg day at the gym and since then") or a complaint that is itself one ("I sleep badly. Because of that I'm
     * tired"), and the time since the nearest complaint before them began ("My neck started hurting an hour ago, since
     * then my vision is blurry"). Before them means earlier in their sentence, or in the sentence before when their
     * own says nothing earlier; the nearest counts. Words pointing back that are denied or doubted ("I don't think
     * that's why", "no creo que por eso") lend nothing; {@code plain} tells whether a unit is said without a cue.
     */
    void pointedBack(List<Unit> units, List<Integer> symptomUnits, List<Found> saidCauses, IntPredicate present,
                     IntPredicate plain, Map<Integer, Map<Modifier, Object>> own, Map<Integer, Map<Modifier, Object>> lent) {
        for (int b = 0; b < units.size(); b++) {
            Unit back = units.get(b);
            if (!back.cue(Role.BACK_REFERENCE) || !plain.test(b) || doubted(units, b)) {
                continue;
            }
            int from = b;
            while (from > 0 && units.get(from - 1).sentence == back.sentence) {
                from--;
            }
            boolean saysSomething = from < b && units.subList(from, b).stream().anyMatch(u -> u.concept() || u.has(Role.MODIFIER));
            int sentence = saysSomething ? back.sentence : back.sentence - 1;
            Object cause = null;
            int causeAt = -1;
            for (Found f : saidCauses) {
                if (f.unit() < b && f.unit() > causeAt && units.get(f.unit()).sentence == sentence) {
                    cause = f.value();
                    causeAt = f.unit();
                }
            }
            Object hours = null;
            for (int s : symptomUnits) {
                if (s >= b || units.get(s).sentence != sentence || !present.test(s)) {
                    continue;
                }
                String complaintCause = causes.get(units.get(s).symptomCode());
                if (s > causeAt && complaintCause != null) {
                    cause = Modifier.TRIGGER.choice(complaintCause).orElseThrow();
                    causeAt = s;
                }
                hours = own.getOrDefault(s, Map.of()).getOrDefault(Modifier.HOURS_SINCE_ONSET, hours);
            }
            for (int s : symptomUnits) {
                if (s > b && units.get(s).sentence == back.sentence) {
                    lend(units.get(s), Modifier.TRIGGER, cause, s, lent);
                    lend(units.get(s), Modifier.HOURS_SINCE_ONSET, hours, s, lent);
                }
            }
        }
    }

    private void lend(Unit symptom, Modifier modifier, Object value, int at, Map<Integer, Map<Modifier, Object>> lent) {
        if (value != null && ModifierAttacher.takes(catalog, symptom, modifier)) {
            ModifierValues.putAt(lent, at, modifier, value, true);
        }
    }

    /** Whether a "no" or a doubt comes right before the words at {@code b}, which a new scope would otherwise hide. */
    private static boolean doubted(List<Unit> units, int b) {
        for (int j = b - 1; j >= Math.max(0, b - DOUBT_REACH) && units.get(j).sentence == units.get(b).sentence; j--) {
            Unit u = units.get(j);
            if (u.concept()) {
                return false;
            }
            if (u.cue(Role.NEGATION_BEFORE) || u.cue(Role.UNCERTAINTY_BEFORE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a relative or a "he", "she" is the nearest subject before a cause said in passing, in its clause. */
    private static boolean someoneElses(List<Unit> units, int k) {
        for (int j = k - 1; j >= Math.max(0, k - SUBJECT_REACH) && units.get(j).clause == units.get(k).clause; j--) {
            Unit u = units.get(j);
            if (u.has(Role.FIRST_PERSON) || u.concept()) {
                return false;
            }
            if (u.has(Role.RELATIVE) || u.has(Role.SEX_THIRD)) {
                return true;
            }
        }
        return false;
    }
}
