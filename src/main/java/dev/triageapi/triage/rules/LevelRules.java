package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleInfo;
import dev.triageapi.triage.facts.Conclusions;
import dev.triageapi.vocabulary.Urgency;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rules a what-if needs to find every finding at a level or above: those whose consequence can conclude such a
 * level (a red flag at its catalog level, a floor, a self-care picture, which gives a consultation until its screen is
 * answered), and in turn every rule that inserts a fact one of them matches. A rule whose consequence does anything
 * else (modifies or deletes a fact, inserts what cannot be told from its text) is needed at every level.
 */
final class LevelRules {

    /** Every {@code insert(} or {@code insertLogical(} of a consequence. */
    private static final Pattern ANY_INSERT = Pattern.compile("\\binsert(?:Logical)?\\s*\\(");
    /** What an insert puts in: a conclusion made by a function of {@link Conclusions}, or {@code new X(...)}. */
    private static final Pattern INSERTED = Pattern.compile("\\binsert(?:Logical)?\\(\\s*(?:new\\s+)?(\\w+)");
    private static final Pattern CHANGES = Pattern.compile("\\b(?:modify|update|delete|retract)\\s*\\(");
    /** The fact package: a {@code new X} of another package cannot be told apart, so its rule is always kept. */
    private static final String FACTS = Conclusions.class.getPackageName();

    private LevelRules() {
    }

    /**
     * For each level, the names of the rules a what-if at that level or above does not need; a level whose set is that
     * of the level below it is left out ({@link Urgency#SELF_CARE} is always there).
     */
    static Map<Urgency, Set<String>> notNeeded(List<DrlOutline.RuleText> texts, Map<String, RuleInfo> rules,
                                               Function<String, Optional<Urgency>> redFlagLevel) {
        Map<Urgency, Set<String>> out = new EnumMap<>(Urgency.class);
        Set<String> previous = null;
        for (Urgency level : Urgency.values()) {
            Set<String> left = notNeeded(texts, rules, redFlagLevel, level);
            if (previous == null || !left.equals(previous)) {
                out.put(level, left);
            }
            previous = left;
        }
        return out;
    }

    private static Set<String> notNeeded(List<DrlOutline.RuleText> texts, Map<String, RuleInfo> rules,
                                         Function<String, Optional<Urgency>> redFlagLevel, Urgency atLeast) {
        Map<String, Set<String>> inserts = new HashMap<>();
        Set<String> needed = new HashSet<>();
        for (DrlOutline.RuleText text : texts) {
            Optional<Set<String>> types = inserted(text.consequence());
            Urgency highest = highest(rules.get(text.name()), redFlagLevel);
            if (types.isEmpty() || highest != null && highest.compareTo(atLeast) >= 0) {
                needed.add(text.name());
            } else {
                inserts.put(text.name(), types.get());
            }
        }
        boolean grew = true;
        while (grew) {
            Set<String> matched = new HashSet<>();
            texts.stream().filter(t -> needed.contains(t.name())).forEach(t -> matched.addAll(t.matches()));
            grew = false;
            for (var it = inserts.entrySet().iterator(); it.hasNext(); ) {
                var rule = it.next();
                if (rule.getValue().stream().anyMatch(matched::contains)) {
                    needed.add(rule.getKey());
                    it.remove();
                    grew = true;
                }
            }
        }
        return Set.copyOf(inserts.keySet());
    }

    /** The highest level a rule's consequence can conclude, or null; a red flag unknown to the catalog counts as the highest. */
    private static Urgency highest(RuleInfo rule, Function<String, Optional<Urgency>> redFlagLevel) {
        if (rule == null) {
            return Urgency.EMERGENCY_AMBULANCE;
        }
        Urgency out = null;
        for (Urgency level : rule.levels()) {
            out = level.max(out);
        }
        for (String flag : rule.redFlags()) {
            out = redFlagLevel.apply(flag).orElse(Urgency.EMERGENCY_AMBULANCE).max(out);
        }
        if (!rule.pathways().isEmpty()) {
            out = Urgency.CONSULTATION.max(out);
        }
        return out;
    }

    /**
     * The simple names of the types (each with its supertypes) a consequence inserts, or empty when that cannot be told
     * or the consequence changes a fact.
     */
    private static Optional<Set<String>> inserted(String consequence) {
        if (CHANGES.matcher(consequence).find()) {
            return Optional.empty();
        }
        int inserts = 0;
        Matcher any = ANY_INSERT.matcher(consequence);
        while (any.find()) {
            inserts++;
        }
        Set<String> types = new LinkedHashSet<>();
        List<Class<?>> classes = new ArrayList<>();
        Matcher m = INSERTED.matcher(consequence);
        while (m.find()) {
            Optional<Class<?>> type = typeOf(m.group(1));
            if (type.isEmpty()) {
                return Optional.empty();
            }
            classes.add(type.get());
            inserts--;
        }
        if (inserts != 0) {
            return Optional.empty();
        }
        classes.forEach(c -> namesOf(c, types));
        return Optional.of(types);
    }

    /** The class a conclusion function returns, or the fact class {@code new X} names. */
    private static Optional<Class<?>> typeOf(String name) {
        for (Method method : Conclusions.class.getMethods()) {
            if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers())) {
                return Optional.of(method.getReturnType());
            }
        }
        try {
            return Optional.of(Class.forName(FACTS + "." + name, false, LevelRules.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static void namesOf(Class<?> type, Set<String> names) {
        if (type == null || !names.add(type.getSimpleName())) {
            return;
        }
        namesOf(type.getSuperclass(), names);
        for (Class<?> implemented : type.getInterfaces()) {
            namesOf(implemented, names);
        }
    }
}
