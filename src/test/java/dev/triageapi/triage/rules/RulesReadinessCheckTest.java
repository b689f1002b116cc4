package dev.triageapi.triage.rules;

import dev.triageapi.config.TriageConfig;
import dev.triageapi.observability.TriageMetrics;
import dev.triageapi.triage.engine.Rules;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Readiness stays DOWN until a rule set is loaded. */
class RulesReadinessCheckTest {

    @Test
    void shouldBeDownUntilTheRulesAreLoadedAndUpAfter() {
        TriageConfig config = new TriageConfig() {
            @Override public String emergencyNumber() { return "911"; }
            @Override public Optional<java.net.URI> publicBaseUrl() { return Optional.empty(); }
            @Override public Api api() { return null; }
            @Override public Security security() { return null; }
            @Override public Cds cds() { return null; }
            @Override public WarmUp warmUp() { return null; }
            @Override public Rules rules() {
                return new Rules() {
                    @Override public Optional<Path> dir() { return Optional.empty(); }
                    @Override public Duration reloadInterval() { return Duration.ZERO; }
                    @Override public java.util.OptionalInt premiseVignettes() { return java.util.OptionalInt.empty(); }
                };
            }
        };
        RulesRegistry registry = new RulesRegistry(config, Rules.CATALOG,
                new TriageMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), java.util.List.of());
        RulesReadinessCheck check = new RulesReadinessCheck(registry);
        assertEquals(HealthCheckResponse.Status.DOWN, check.call().getStatus());
        registry.load();
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
    }
}
