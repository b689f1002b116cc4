package dev.triageapi.triage.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

import java.util.List;
import java.util.Map;

/**
 * A compiled, immutable set of rules together with the files it came from and its content hash. Shared by all requests;
 * each evaluation borrows a session of its own from {@link #sessions()}, a pool on {@link #kieBase()} that grows to the
 * number of evaluations running at once and resets every session it takes back. What-if evaluations, which read only
 * the level, borrow from {@link #levelSessions()}: a pool on the same rules without those that can conclude no level
 * (a suggested condition, a question), which gives the same level and reads no answer that could change it.
 */
public record RuleSet(KieBase kieBase, KieSessionsPool sessions, KieSessionsPool levelSessions, String version,
                      List<RuleFile> files, Map<String, RuleInfo> rules) {

    /** A rule set whose what-ifs run on all its rules. */
    public RuleSet(KieBase kieBase, String version, List<RuleFile> files, Map<String, RuleInfo> rules) {
        this(kieBase, kieBase.newKieSessionsPool(1), version, files, rules);
    }

    /** A rule set whose what-ifs run on all its rules, from their own pool. */
    public RuleSet(KieBase kieBase, KieSessionsPool sessions, String version, List<RuleFile> files, Map<String, RuleInfo> rules) {
        this(kieBase, sessions, sessions, version, files, rules);
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
