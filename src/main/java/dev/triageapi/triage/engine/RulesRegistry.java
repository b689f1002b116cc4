package dev.triageapi.triage.engine;

import dev.triageapi.triage.TriageConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule set the service answers with. It is compiled once at startup; if the rules do not compile the
 * exception propagates and the service does not start, because running half a rule set is worse than not running.
 */
@ApplicationScoped
public class RulesRegistry {

    private static final Logger LOG = Logger.getLogger(RulesRegistry.class);

    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final TriageConfig config;

    RulesRegistry(TriageConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        load();
    }

    /** Compiles the configured rules and makes them current; throws {@link RulesLoadException} if they are not usable. */
    public RuleSet load() {
        List<RuleFile> files = config.rules().dir()
                .map(RuleSources::fromDirectory)
                .orElseGet(() -> RuleSources.fromClasspath(Thread.currentThread().getContextClassLoader()));
        RuleSet rules = RuleCompiler.compile(files);
        current.set(rules);
        LOG.infof("Loaded %d rules from %d files, version %s", rules.rules().size(), files.size(), rules.version());
        return rules;
    }

    /** The rule set every request uses, or empty before the first successful load. */
    public Optional<RuleSet> current() {
        return Optional.ofNullable(current.get());
    }
}
