package dev.triageapi.triage.engine;

import dev.triageapi.vocabulary.Urgency;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sessions for what-ifs that differ from a judged case in one symptom: for a level and a symptom code of the catalog,
 * a pool on the rules such a what-if needs to find whether the case rises to that level or above, built the first time
 * a request needs it and kept with the rule set. A pool on the same rules serves every symptom and level that need
 * them; a symptom that leaves nothing more out than its level does gets no pool of its own.
 */
public final class OneSymptomPools {

    private static final Logger LOG = Logger.getLogger(OneSymptomPools.class);

    /** No narrower pools: every what-if runs on its level's rules. */
    public static final OneSymptomPools NONE = new OneSymptomPools((level, code) -> null, left -> {
        throw new IllegalStateException("no rules to leave out");
    });

    /** The rules to leave out for a level and a code; null when nothing more than the level's. */
    private final BiFunction<Urgency, String, Set<String>> leftOut;
    private final Function<Set<String>, KieBase> without;
    /** By level, then by symptom code: looked up on every one-symptom what-if, so without a key to build. */
    private final Map<Urgency, Map<String, Optional<Narrower>>> byKey = new EnumMap<>(Urgency.class);
    private final Map<Set<String>, Narrower> byRules = new ConcurrentHashMap<>();

    /** Sessions on fewer rules, and the names of the rules they leave out. */
    record Narrower(KieSessionsPool sessions, Set<String> leftOut) {
    }

    /**
     * @param leftOut the rules a what-if at a level ({@code atLeast}) about a symptom may leave out, or null when no
     *                more than at its level
     * @param without a new base of the same rules without those named
     */
    public OneSymptomPools(BiFunction<Urgency, String, Set<String>> leftOut, Function<Set<String>, KieBase> without) {
        this.leftOut = leftOut;
        this.without = without;
        for (Urgency level : Urgency.values()) {
            byKey.put(level, new ConcurrentHashMap<>());
        }
    }

    /**
     * The sessions for a what-if about this symptom that seeks findings at {@code atLeast} or above, if narrower. A base
     * that cannot be built leaves the what-if on its level's rules, which give the same answer.
     */
    Optional<Narrower> narrower(Urgency atLeast, String code) {
        return byKey.get(atLeast).computeIfAbsent(code, key -> {
            Set<String> left = leftOut.apply(atLeast, code);
            if (left == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(byRules.computeIfAbsent(left, rules -> new Narrower(without.apply(rules).newKieSessionsPool(1), rules)));
            } catch (RuntimeException e) {
                LOG.warnf("A narrower base of rules could not be built (%s); those what-ifs run on their level's rules",
                        e.getClass().getName());
                return Optional.empty();
            }
        });
    }
}
