package dev.triageapi.triage.rules;

import dev.triageapi.triage.facts.CauseFinding;
import dev.triageapi.triage.facts.Conclusions;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.RedFlag;
import dev.triageapi.triage.facts.SelfCareCandidate;
import dev.triageapi.triage.facts.UrgencyFinding;
import dev.triageapi.vocabulary.Urgency;

import java.util.Arrays;
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
 * answered), and in turn every rule that inserts a fact one of them matches. Only what is read for certain is left
 * out: a rule is needed at every level unless each of its inserts is one of the conclusions of {@link Conclusions}
 * called by name with its level written out ({@code atLeast(Urgency.CONSULTATION_24, ...)}, {@code redFlag("code",
 * ...)}), or {@code new} of a fact class that carries no level. A rule that modifies or deletes a fact, inserts
 * nothing (a query, a rule that only sets a focus) or anything else is needed everywhere; and when any rule steers the
 * agenda (agenda and activation groups, halting, the session's context) or extends another, every what-if keeps
 * every rule.
 */
final class LevelRules {

    private static final Pattern ANY_INSERT = Pattern.compile("\\binsert(?:Logical)?\\s*\\(\\s*");
    private static final Pattern NEW = Pattern.compile("new\\s+(\\w+)\\s*\\(");
    private static final Pattern CHANGES = Pattern.compile("\\b(?:modify|update|delete|retract)\\s*\\(");
    /** The session's context in a consequence: it can halt, set a focus or insert unseen. */
    private static final Pattern CONTEXT = Pattern.compile("\\bdrools\\s*\\.|\\bkcontext\\b");
    /** Attributes that change which rules fire beside their conditions: with any of them, nothing is left out. */
    private static final Set<String> STEERING = Set.of("agenda-group", "activation-group", "ruleflow-group", "auto-focus",
            "lock-on-active", "timer", "duration", "calendars", "date-effective", "date-expires");
    /** The findings whose level the verdict reads: made only by the conclusions, whose level can be read. */
    private static final Set<Class<?>> LEVELLED = Set.of(RedFlag.class, UrgencyFinding.class, SelfCareCandidate.class);
    /** The fact package: {@code new X} of a class elsewhere cannot be told apart, so its rule is always kept. */
    private static final String FACTS = Conclusions.class.getPackageName();

    private LevelRules() {
    }

    /** What one rule's consequence concludes: the highest level (null for none) and the types it inserts. */
    record Concludes(Urgency highest, Set<String> types) {
    }

    /**
     * For each level, the names of the rules a what-if at that level or above does not need; a level whose set is that
     * of the level below it is left out ({@link Urgency#SELF_CARE} is always there, empty when nothing may be left out).
     */
    static Map<Urgency, Set<String>> notNeeded(List<DrlOutline.RuleText> texts, Function<String, Optional<Urgency>> redFlagLevel) {
        Map<Urgency, Set<String>> out = new EnumMap<>(Urgency.class);
        if (steered(texts)) {
            out.put(Urgency.SELF_CARE, Set.of());
            return out;
        }
        Map<String, Concludes> concludes = new HashMap<>();
        texts.forEach(t -> concluded(t, redFlagLevel).ifPresent(c -> concludes.put(t.name(), c)));
        Set<String> previous = null;
        for (Urgency level : Urgency.values()) {
            Set<String> left = notNeeded(texts, concludes, level);
            if (previous == null || !left.equals(previous)) {
                out.put(level, left);
            }
            previous = left;
        }
        return out;
    }

    /** True when a rule steers which rules fire beside their conditions: then no what-if may leave a rule out. */
    static boolean steered(List<DrlOutline.RuleText> texts) {
        return texts.stream().anyMatch(t -> t.parent() != null || t.attributes().stream().anyMatch(STEERING::contains)
                || CONTEXT.matcher(t.consequence()).find());
    }

    private static Set<String> notNeeded(List<DrlOutline.RuleText> texts, Map<String, Concludes> concludes, Urgency atLeast) {
        Map<String, Set<String>> inserts = new HashMap<>();
        Set<String> needed = new HashSet<>();
        for (DrlOutline.RuleText text : texts) {
            Concludes c = concludes.get(text.name());
            if (c == null || c.highest() != null && c.highest().compareTo(atLeast) >= 0) {
                needed.add(text.name());
            } else {
                inserts.put(text.name(), c.types());
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

    /** What the rule concludes, or empty when that cannot be read for certain (the rule is then always needed). */
    static Optional<Concludes> concluded(DrlOutline.RuleText rule, Function<String, Optional<Urgency>> redFlagLevel) {
        String then = rule.consequence();
        if (rule.query() || CHANGES.matcher(then).find()) {
            return Optional.empty();
        }
        Urgency highest = null;
        Set<String> types = new LinkedHashSet<>();
        Matcher insert = ANY_INSERT.matcher(then);
        boolean any = false;
        while (insert.find()) {
            any = true;
            String rest = then.substring(insert.end());
            Matcher m;
            Class<?> type;
            Urgency level = null;
            if ((m = NEW.matcher(rest)).lookingAt()) {
                type = factClass(m.group(1)).orElse(null);
                if (type == null || LEVELLED.contains(type)) {
                    return Optional.empty();
                }
            } else if ((m = RuleCompiler.RED_FLAG.matcher(rest)).lookingAt()) {
                type = RedFlag.class;
                level = redFlagLevel.apply(m.group(1)).orElse(Urgency.EMERGENCY_AMBULANCE);
            } else if ((m = RuleCompiler.AT_LEAST.matcher(rest)).lookingAt()) {
                type = UrgencyFinding.class;
                String name = m.group(1);
                level = Arrays.stream(Urgency.values()).filter(u -> u.name().equals(name)).findFirst().orElse(Urgency.EMERGENCY_AMBULANCE);
            } else if (RuleCompiler.SELF_CARE.matcher(rest).lookingAt()) {
                type = SelfCareCandidate.class;
                level = Urgency.CONSULTATION;
            } else if (RuleCompiler.SUGGESTS.matcher(rest).lookingAt()) {
                type = CauseFinding.class;
            } else if (RuleCompiler.ASK.matcher(rest).lookingAt()) {
                type = FollowUp.class;
            } else {
                return Optional.empty();
            }
            highest = level == null ? highest : level.max(highest);
            namesOf(type, types);
        }
        return any ? Optional.of(new Concludes(highest, types)) : Optional.empty();
    }

    static Optional<Class<?>> factClass(String name) {
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
