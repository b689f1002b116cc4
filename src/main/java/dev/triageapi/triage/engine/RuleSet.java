package dev.triageapi.triage.engine;

import dev.triageapi.vocabulary.Urgency;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

import java.util.List;
import java.util.Map;

/**
 * A compiled, immutable set of rules together with the files it came from and its content hash. Shared by all requests;
 * each evaluation borrows a session of its own from {@link #sessions()}, a pool on {@link #kieBase()} that grows to the
 * number of evaluations running at once and resets every session it takes back. What-if evaluations, which read only
 * the level, borrow from {@link #levelSessions(Urgency)}: a pool on the same rules without those that cannot conclude
 * that level or a higher one (nor give a fact such a rule matches), which finds every finding at or above it.
 *
 * @param levelPools for each level, the pool of the rules a what-if needs to find every finding at or above it; a level
 *                   missing takes the pool of the nearest level below it, and {@link Urgency#SELF_CARE} is always there
 * @param oneSymptom narrower pools still, for what-ifs that differ from a judged case in one symptom
 */
public record RuleSet(KieBase kieBase, KieSessionsPool sessions, Map<Urgency, KieSessionsPool> levelPools,
                      OneSymptomPools oneSymptom, String version, List<RuleFile> files, Map<String, RuleInfo> rules) {

    public RuleSet {
        if (!levelPools.containsKey(Urgency.SELF_CARE)) {
            throw new IllegalArgumentException("a rule set needs what-if sessions for every level");
        }
        levelPools = Map.copyOf(levelPools);
    }

    /** A rule set whose what-ifs run on all its rules. */
    public RuleSet(KieBase kieBase, String version, List<RuleFile> files, Map<String, RuleInfo> rules) {
        this(kieBase, kieBase.newKieSessionsPool(1), version, files, rules);
    }

    /** A rule set whose what-ifs run on all its rules, from their own pool. */
    public RuleSet(KieBase kieBase, KieSessionsPool sessions, String version, List<RuleFile> files, Map<String, RuleInfo> rules) {
        this(kieBase, sessions, Map.of(Urgency.SELF_CARE, sessions), OneSymptomPools.NONE, version, files, rules);
    }

    /** Sessions on the rules that can conclude a level, for what-ifs that need the exact level whatever it is. */
    public KieSessionsPool levelSessions() {
        return levelPools.get(Urgency.SELF_CARE);
    }

    /** Sessions on the rules that can conclude {@code atLeast} or a higher level, and those that give them facts. */
    public KieSessionsPool levelSessions(Urgency atLeast) {
        return atLeast.nearestAtOrBelow(levelPools).orElseGet(this::levelSessions);
    }

    /** The rule with this name; the compiler guarantees every rule that can fire is known here. */
    public RuleInfo rule(String name) {
        RuleInfo info = rules.get(name);
        if (info == null) {
            throw new IllegalStateException("rule not in the loaded rule set: " + name);
        }
        return info;
    }
}
