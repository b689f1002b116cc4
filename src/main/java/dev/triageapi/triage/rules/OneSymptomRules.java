package dev.triageapi.triage.rules;

import dev.triageapi.triage.facts.Symptom;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which rules a what-if needs when it differs from a case the rules already judged in one symptom only (added, taken
 * away or answered otherwise), to find whether that symptom raises the case above its level. No rule above the level
 * fired for the case; with every other fact alike, such a rule can fire now only if one of its patterns can hold that
 * symptom, or a fact that such a rule inserts, in turn. So a what-if keeps those rules, every rule that inserts a fact
 * one of them matches (the facts they need are made again in a new session), and leaves the others out.
 *
 * <p>Only what is read for certain is left out. A pattern is pinned to symptoms only by its own constraint
 * {@code code == "x"} or {@code inGroup("g")}; a pattern of a type a symptom could be (the symptom's class, a supertype,
 * a type not in the fact package), one that reads from an expression, or one written any other way can hold every
 * symptom; the result of an accumulate holds none (its input pattern is read as a pattern of its own).
 * A rule whose consequence cannot be read ({@link LevelRules#concluded}) is taken to insert facts of every type. When a
 * rule steers the agenda ({@link LevelRules#steered}) nothing is left out.
 */
final class OneSymptomRules {

    private static final String ANY_TYPE = "*";

    private final List<DrlOutline.RuleText> texts;
    /** The simple names of the types each rule's consequence inserts, {@link #ANY_TYPE} when it cannot be read. */
    private final Map<String, Set<String>> inserts = new HashMap<>();
    private final Function<String, Set<String>> groupsOf;
    private final boolean steered;

    /**
     * @param groupsOf the groups of the catalog a symptom code is in, as the rules' {@code inGroup} reads them
     */
    OneSymptomRules(List<DrlOutline.RuleText> texts, Function<String, Set<String>> groupsOf) {
        this.texts = texts;
        this.groupsOf = groupsOf;
        this.steered = LevelRules.steered(texts);
        for (DrlOutline.RuleText text : texts) {
            inserts.put(text.name(), LevelRules.concluded(text, code -> Optional.empty())
                    .map(LevelRules.Concludes::types).orElse(Set.of(ANY_TYPE)));
        }
    }

    /**
     * The rules to leave out of a what-if whose case differs in the symptom {@code code} from one judged at a level,
     * {@code atLevel} being those a what-if at the level above leaves out already ({@link LevelRules#notNeeded}).
     */
    Set<String> leftOut(Set<String> atLevel, String code) {
        if (steered) {
            return atLevel;
        }
        Set<String> groups = groupsOf.apply(code);
        Set<String> kept = new HashSet<>();
        for (DrlOutline.RuleText text : texts) {
            if (!atLevel.contains(text.name()) && text.patterns().stream().anyMatch(p -> canHold(p, code, groups))) {
                kept.add(text.name());
            }
        }
        boolean grew = true;
        while (grew) {
            Set<String> inserted = new HashSet<>();
            Set<String> matched = new HashSet<>();
            for (DrlOutline.RuleText text : texts) {
                if (kept.contains(text.name())) {
                    inserted.addAll(inserts.get(text.name()));
                    matched.addAll(text.matches());
                }
            }
            grew = false;
            for (DrlOutline.RuleText text : texts) {
                if (atLevel.contains(text.name()) || kept.contains(text.name())) {
                    continue;
                }
                Set<String> its = inserts.get(text.name());
                boolean seesChange = inserted.contains(ANY_TYPE) ? !text.matches().isEmpty()
                        : text.matches().stream().anyMatch(inserted::contains);
                boolean feeds = its.contains(ANY_TYPE) || its.stream().anyMatch(matched::contains);
                if (seesChange || feeds) {
                    kept.add(text.name());
                    grew = true;
                }
            }
        }
        Set<String> out = new HashSet<>(atLevel);
        texts.stream().map(DrlOutline.RuleText::name).filter(name -> !kept.contains(name)).forEach(out::add);
        return Set.copyOf(out);
    }

    private static boolean canHold(DrlOutline.PatternText pattern, String code, Set<String> groups) {
        if (pattern.result() || !couldBeSymptom(pattern.type())) {
            return false;
        }
        return (pattern.code() == null || pattern.code().equals(code)) && (pattern.group() == null || groups.contains(pattern.group()));
    }

    private static boolean couldBeSymptom(String type) {
        return LevelRules.factClass(type).map(c -> c.isAssignableFrom(Symptom.class)).orElse(true);
    }
}
