package dev.triageapi.triage.rules;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.observability.TriageMetrics;
import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleSet;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule set the service answers with. It is compiled once at startup; if the rules do not compile the
 * exception propagates and the service does not start, because running half a rule set is worse than not running.
 * With {@code triage.rules.dir} set, the Quarkus scheduler checks the folder for changes and a changed rule set
 * replaces the current one atomically, but only if it compiles, matches the catalog and passes every bundled vignette.
 * Whatever a check throws (an oversized file, an unreadable folder, an {@link Error}) is recorded, logged once and
 * shown on {@code /q/health}; the next check runs as usual, and health follows the folder's current state.
 */
@ApplicationScoped
public class RulesRegistry {

    private static final Logger LOG = Logger.getLogger(RulesRegistry.class);

    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final TriageConfig config;
    private final Catalog catalog;
    private final TriageMetrics metrics;
    private final List<RuleSetGate> gates;
    static final String WATCH_JOB = "rules-reload";

    private volatile Instant loadedAt;
    private volatile ReloadAttempt lastAttempt;
    private volatile Instant lastCheck;
    private volatile boolean watching;
    private volatile String bundledVersion;

    public RulesRegistry(TriageConfig config, Catalog catalog, TriageMetrics metrics, @All List<RuleSetGate> gates) {
        this.config = config;
        this.catalog = catalog;
        this.metrics = metrics;
        this.gates = List.copyOf(gates);
    }

    void onStart(@Observes StartupEvent event, Scheduler scheduler) {
        load();
        Optional<Path> dir = config.rules().dir();
        long interval = config.rules().reloadInterval().toMillis();
        if (dir.isPresent() && interval > 0) {
            scheduler.newJob(WATCH_JOB)
                    .setInterval(interval + "ms")
                    .setDelayed(interval + "ms")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> check())
                    .schedule();
            watching = true;
            LOG.infof("Watching %s for rule changes every %d ms", dir.get().toAbsolutePath(), interval);
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
            return Optional.of(rejected(new ReloadAttempt(Instant.now(), false, null, e.problems()), "cannot be read"));
        }
        String candidate = RuleCompiler.version(files);
        RuleSet serving = current.get();
        if (serving != null && serving.version().equals(candidate)) {
            if (lastAttempt != null && !lastAttempt.accepted()) {
                // The folder was put back as it is served: nothing to swap, and nothing wrong any more.
                LOG.infof("The rules folder matches the served rules %s again", candidate);
                return Optional.of(record(new ReloadAttempt(Instant.now(), true, candidate, List.of())));
            }
            return Optional.empty();
        }
        if (lastAttempt != null && !lastAttempt.accepted() && candidate.equals(lastAttempt.candidateVersion())) {
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
            return Optional.of(rejected(new ReloadAttempt(Instant.now(), false, candidate, e.problems()), "rejected"));
        }
    }

    /** One scheduled check of the folder. Nothing it throws may stop the next one. */
    void check() {
        try {
            reloadIfChanged();
        } catch (Throwable e) { // an Error too: the watcher must outlive a file that exhausts the heap
            rejected(new ReloadAttempt(Instant.now(), false, null,
                    List.of("the rules check failed unexpectedly: " + e.getClass().getName())), "could not be checked");
        } finally {
            lastCheck = Instant.now();
        }
    }

    /** Records a failed attempt and logs it, once for as long as the same problems persist. */
    private ReloadAttempt rejected(ReloadAttempt attempt, String what) {
        ReloadAttempt previous = lastAttempt;
        if (previous == null || previous.accepted() || !previous.problems().equals(attempt.problems())) {
            List<String> problems = attempt.problems();
            RuleSet serving = current.get();
            LOG.errorf("Rules change %s %s, still serving %s. %d problem(s), first: %s",
                    attempt.candidateVersion() == null ? "in " + source() : attempt.candidateVersion(), what,
                    serving == null ? "nothing" : serving.version(), problems.size(),
                    String.join(" | ", problems.subList(0, Math.min(5, problems.size()))));
        }
        return record(attempt);
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

    /**
     * True while the folder is being watched: a check is scheduled and the last one finished recently (a check stuck
     * on a file, or a scheduler that stopped, makes this false).
     */
    public boolean reloading() {
        if (!watching) {
            return false;
        }
        Duration interval = config.rules().reloadInterval();
        Instant since = lastCheck != null ? lastCheck : loadedAt;
        return since != null && Duration.between(since, Instant.now()).compareTo(interval.multipliedBy(3).plusSeconds(30)) < 0;
    }

    /** True when a rules folder and a reload interval are configured, so a watcher should be running. */
    public boolean watchingConfigured() {
        return watching;
    }

    /** When the folder was last checked, or empty if it is not watched or not checked yet. */
    public Optional<Instant> lastCheck() {
        return Optional.ofNullable(lastCheck);
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

    /** The version of the rules bundled in the application, read once. */
    private String bundledVersion() {
        String version = bundledVersion;
        if (version == null) {
            version = RuleCompiler.version(RuleSources.fromClasspath(Thread.currentThread().getContextClassLoader()));
            bundledVersion = version;
        }
        return version;
    }

    /** Compiles the files and runs every check a rule set must pass before it may answer a patient. */
    private RuleSet checked(List<RuleFile> files) {
        RuleSet rules = RuleCompiler.compile(files, catalog);
        List<String> problems = new ArrayList<>(RuleSetCheck.againstCatalog(rules, catalog));
        if (problems.isEmpty() && config.rules().dir().isPresent() && !rules.version().equals(bundledVersion())) {
            // The bundled rules are held to the gates (the vignettes, the interview's premises) by the build, also when a
            // folder holds them unchanged (a ConfigMap of the shipped rules): only adapted rules are held to them here.
            // Cheapest first (their priority): a rule set the vignettes already refuse is not held to the costlier gates.
            for (RuleSetGate gate : gates) {
                problems.addAll(gate.problems(rules));
                if (!problems.isEmpty()) {
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesLoadException("the rule set fails its checks", problems, null);
        }
        return rules;
    }
}
