package dev.triageapi.triage.engine;

import org.kie.api.KieBase;

import java.util.List;
import java.util.Map;

/**
 * A compiled, immutable set of rules together with the files it came from and its content hash. Shared by all requests;
 * each evaluation opens its own stateless session on {@link #kieBase()}.
 */
public record RuleSet(KieBase kieBase, String version, List<RuleFile> files, Map<String, RuleInfo> rules) {

    /** The rule with this name; the compiler guarantees every rule that can fire is known here. */
    public RuleInfo rule(String name) {
        RuleInfo info = rules.get(name);
        if (info == null) {
            throw new IllegalStateException("rule not in the loaded rule set: " + name);
        }
        return info;
    }
}
