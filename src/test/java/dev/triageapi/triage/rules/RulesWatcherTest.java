package dev.triageapi.triage.rules;

import dev.triageapi.config.TriageConfig;
import dev.triageapi.observability.TriageMetrics;
import dev.triageapi.testing.LogCapture;
import dev.triageapi.triage.engine.Rules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scheduled rules check outlives whatever a check throws, Errors included, and records it for health. */
class RulesWatcherTest {

    static TriageConfig folder() {
        return folder(Path.of("rules"));
    }

    static TriageConfig folder(Path dir) {
        return new TriageConfig() {
            @Override public String emergencyNumber() { return "911"; }
            @Override public Optional<URI> publicBaseUrl() { return Optional.empty(); }
            @Override public Api api() { return null; }
            @Override public Security security() { return null; }
            @Override public Cds cds() { return null; }
            @Override public WarmUp warmUp() { return null; }
            @Override public Rules rules() {
                return new Rules() {
                    @Override public Optional<Path> dir() { return Optional.of(dir); }
                    @Override public Duration reloadInterval() { return Duration.ofSeconds(5); }
                    @Override public java.util.OptionalInt premiseVignettes() { return java.util.OptionalInt.empty(); }
                };
            }
        };
    }

    @Test
    void shouldRecordAnErrorThrownByACheckAndRunTheNextOne() {
        AtomicInteger checks = new AtomicInteger();
        RulesRegistry registry = new RulesRegistry(folder(), Rules.CATALOG, new TriageMetrics(new SimpleMeterRegistry()), java.util.List.of()) {
            @Override
            public synchronized Optional<ReloadAttempt> reloadIfChanged() {
                if (checks.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("a rule file exhausted the heap");
                }
                return super.reloadIfChanged();
            }
        };
        registry.load();
        try (LogCapture log = LogCapture.muting()) {
            registry.check();
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("OutOfMemoryError")), "logged: " + log.lines());
        }
        ReloadAttempt failed = registry.lastAttempt().orElseThrow();
        assertFalse(failed.accepted());
        assertTrue(failed.problems().get(0).contains("OutOfMemoryError"), failed.problems().toString());
        assertFalse(failed.problems().get(0).contains("exhausted"), "the message is not repeated: " + failed.problems());
        assertTrue(registry.lastCheck().isPresent());

        registry.check(); // the folder is as served: the failure is over
        assertEquals(2, checks.get());
        assertTrue(registry.lastAttempt().orElseThrow().accepted(), registry.lastAttempt().toString());
    }
}
