package dev.triageapi.triage.engine;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.observability.TriageMetrics;
import dev.triageapi.triage.TriageConfig;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.vignette.VignetteSuite;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule set the service answers with. It is compiled once at startup; if the rules do not compile the
 * exception propagates and the service does not start, because running half a rule set is worse than not running.
 * With {@code triage.rules.dir} set, the folder is checked for changes and a changed rule set replaces the current
 * one atomically, but only if it compiles, matches the catalog and passes every bundled vignette.
 */
@ApplicationScoped
public class RulesRegistry {

    private static final Logger LOG = Logger.getLogger(RulesRegistry.class);

    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final TriageConfig config;
    private final Catalog catalog;
    private final TriageEngine engine;
    private final TriageMetrics metrics;
    private volatile Instant loadedAt;
    private volatile ReloadAttempt lastAttempt;
    private ScheduledExecutorService watcher;

    RulesRegistry(TriageConfig config, Catalog catalog, TriageMetrics metrics) {
        this.config = config;
        this.catalog = catalog;
        this.metrics = metrics;
        this.engine = new TriageEngine(catalog);
    }

    void onStart(@Observes StartupEvent event) {
        load();
        Optional<Path> dir = config.rules().dir();
        long interval = config.rules().reloadInterval().toMillis();
        if (dir.isPresent() && interval > 0) {
            watcher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "rules-reload");
                thread.setDaemon(true);
                return thread;
            });
            watcher.scheduleWithFixedDelay(this::reloadQuietly, interval, interval, TimeUnit.MILLISECONDS);
            LOG.infof("Watching %s for rule changes every %d ms", dir.get().toAbsolutePath(), interval);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** Compiles and checks the configured rules and makes them current; throws {@link RulesLoadException} if they are not usable. */
    public RuleSet load() {
        RuleSet rules = checked(readFiles());
        current.set(rules);
        loadedAt = Instant.now();
        metrics.rulesLoaded(rules.version());
        LOG.infof("Loaded %d rules from %d files, version %s", rules.rules().size(), rules.files().size(), rules.version());
        return rules;
    }

    /**
     * Swaps in the rule folder's current content if it changed and passes every check; otherwise keeps the rules that
     * serve now and records why. Returns the attempt, or empty when nothing changed or no folder is configured.
     */
    public synchronized Optional<ReloadAttempt> reloadIfChanged() {
        if (config.rules().dir().isEmpty()) {
            return Optional.empty();
        }
        List<RuleFile> files;
        try {
            files = readFiles();
        } catch (RulesLoadException e) {
            return Optional.of(record(new ReloadAttempt(Instant.now(), false, null, e.problems())));
        }
        String candidate = RuleCompiler.version(files);
        RuleSet serving = current.get();
        if (serving != null && serving.version().equals(candidate)
                || lastAttempt != null && !lastAttempt.accepted() && candidate.equals(lastAttempt.candidateVersion())) {
            return Optional.empty();
        }
        try {
            RuleSet rules = checked(files);
            current.set(rules);
            loadedAt = Instant.now();
            metrics.rulesLoaded(rules.version());
            LOG.infof("Rules reloaded: %d rules, version %s", rules.rules().size(), rules.version());
            return Optional.of(record(new ReloadAttempt(loadedAt, true, candidate, List.of())));
        } catch (RulesLoadException e) {
            List<String> problems = e.problems();
            LOG.errorf("Rules change %s rejected, still serving %s. %d problem(s), first: %s", candidate,
                    serving == null ? "nothing" : serving.version(), problems.size(),
                    String.join(" | ", problems.subList(0, Math.min(5, problems.size()))));
            return Optional.of(record(new ReloadAttempt(Instant.now(), false, candidate, e.problems())));
        }
    }

    /** The rule set every request uses, or empty before the first successful load. */
    public Optional<RuleSet> current() {
        return Optional.ofNullable(current.get());
    }

    public Optional<Instant> loadedAt() {
        return Optional.ofNullable(loadedAt);
    }

    public Optional<ReloadAttempt> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    /** Where the rules come from: the configured folder, or "bundled". */
    public String source() {
        return config.rules().dir().map(dir -> dir.toAbsolutePath().toString()).orElse("bundled");
    }

    public boolean reloading() {
        return watcher != null;
    }

    private void reloadQuietly() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.errorf("Rules reload failed unexpectedly: %s", e.getClass().getName());
        }
    }

    private ReloadAttempt record(ReloadAttempt attempt) {
        lastAttempt = attempt;
        metrics.reload(attempt.accepted());
        return attempt;
    }

    private List<RuleFile> readFiles() {
        return config.rules().dir()
                .map(RuleSources::fromDirectory)
                .orElseGet(() -> RuleSources.fromClasspath(Thread.currentThread().getContextClassLoader()));
    }

    /** Compiles the files and runs every check a rule set must pass before it may answer a patient. */
    private RuleSet checked(List<RuleFile> files) {
        RuleSet rules = RuleCompiler.compile(files);
        List<String> problems = new ArrayList<>(RuleSetCheck.againstCatalog(rules, catalog));
        if (problems.isEmpty() && config.rules().dir().isPresent()) {
            // The bundled rules are held to the vignettes by the build; adapted rules are held to them here.
            try {
                Map<String, List<String>> failures = VignetteSuite.bundled()
                        .failures(rules, engine, new RequestMapper(catalog, RequestMapper.CONTRACT_MAX_SYMPTOMS));
                failures.forEach((vignette, wrong) -> problems.add("vignette " + vignette + ": " + String.join("; ", wrong)));
            } catch (RuntimeException e) {
                problems.add("the vignettes could not run against these rules: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesLoadException("the rule set fails its checks", problems, null);
        }
        return rules;
    }
}
