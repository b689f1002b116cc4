package dev.triageapi.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.vocabulary.Modifier;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Lends what brought complaints on and whether they are getting worse, when words say it once for several of them, to
 * each they reach; what a complaint says of itself always stays its own.
 */
final class Lending {

    /**
     * What brought a complaint on and whether it is getting worse, which words may say once for several complaints
     * ("After the gym my thighs are sore and weak", "Because of that I'm tired", "Not getting worse." after two
     * complaints). Each such reach is {@linkplain ModifierAttacher.Attached#lent() lent}, never the complaint's own: a
     * request takes a lent value only where that lowers no level above a consultation (see {@code TextIntake}).
     */
    static final Set<Modifier> LENDABLE = EnumSet.of(Modifier.TRIGGER, Modifier.WORSENING);

    private final Catalog catalog;
    /** The trigger a complaint is when words point back at it ("I sleep badly. Because of that I'm tired"). */
    private final Map<String, String> causes;

    Lending(Catalog catalog, Lexicon lexicon) {
        this.catalog = catalog;
        this.causes = lexicon.cues().backReference().causes();
    }

    /**
     * The other complaints a cause or a course reaches: a cause said before every complaint of its sentence reaches all
     * of them ("After the gym my thighs are sore and weak"); what a sentence naming no complaint says ("Came on
     * gradually, not getting worse.") reaches every complaint of the sentence before it.
     */
    List<Integer> lentTo(List<Unit> units, List<Integer> symptomUnits, Found f, int target) {
        Unit at = units.get(f.unit());
        boolean alone = units.stream().noneMatch(u -> u.sentence == at.sentence && u.concept());
        boolean first = symptomUnits.stream().noneMatch(s -> units.get(s).sentence == at.sentence && s < f.unit());
        int sentence = alone ? units.get(target).sentence : at.sentence;
        if (!alone && !(first && f.modifier() == Modifier.TRIGGER)) {
            return List.of();
        }
        return symptomUnits.stream().filter(s -> s != target && units.get(s).sentence == sentence
                && (alone || s > f.unit()) && ModifierAttacher.takes(catalog, units.get(s), f.modifier())).toList();
    }

    /** The complaints after a cause said in passing, in its sentence ("I fell and my neck hurts"), that take a cause. */
    List<Integer> after(List<Unit> units, List<Integer> symptomUnits, Found f) {
        int sentence = units.get(f.unit()).sentence;
        return symptomUnits.stream().filter(s -> s > f.unit() && units.get(s).sentence == sentence
                && ModifierAttacher.takes(catalog, units.get(s), Modifier.TRIGGER)).toList();
    }

    /**
     * Words that point back at a cause ("Because of that", "since then", "por eso", "desde entonces") lend every
     * complaint after them in their sentence what the words before them said brought it on: a cause said there ("I did
     * leg day at the gym and since then"), or a complaint that is itself one ("I sleep badly. Because of that I'm
     * tired"). Before them means earlier in their sentence, or in the sentence before when their own says nothing
     * earlier.
     */
    void pointedBack(List<Unit> units, List<Integer> symptomUnits, List<Found> saidCauses, IntPredicate present,
                             Map<Integer, Map<Modifier, Object>> lent) {
        for (int b = 0; b < units.size(); b++) {
            Unit back = units.get(b);
            if (!back.cue(Role.BACK_REFERENCE)) {
                continue;
            }
            int from = b;
            while (from > 0 && units.get(from - 1).sentence == back.sentence) {
                from--;
            }
            boolean saysSomething = from < b && units.subList(from, b).stream().anyMatch(u -> u.concept() || u.has(Role.MODIFIER));
            int sentence = saysSomething ? back.sentence : back.sentence - 1;
            int end = b;
            List<Object> said = new ArrayList<>();
            for (Found f : saidCauses) {
                if (f.unit() < end && units.get(f.unit()).sentence == sentence) {
                    said.add(f.value());
                }
            }
            for (int s : symptomUnits) {
                String cause = causes.get(units.get(s).symptomCode());
                if (s < end && units.get(s).sentence == sentence && cause != null && present.test(s)) {
                    said.add(Modifier.TRIGGER.choice(cause).orElseThrow());
                }
            }
            if (said.isEmpty()) {
                continue;
            }
            for (int s : symptomUnits) {
                if (s > b && units.get(s).sentence == back.sentence && ModifierAttacher.takes(catalog, units.get(s), Modifier.TRIGGER)) {
                    ModifierValues.put(lent.computeIfAbsent(s, t -> new EnumMap<>(Modifier.class)), Modifier.TRIGGER, said.get(0), false);
                }
            }
        }
    }
}
