package dev.triageapi.triage.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN until a rule set is loaded, so no load balancer sends a patient to a service without rules. */
@Readiness
@ApplicationScoped
public class RulesReadinessCheck implements HealthCheck {

    private final RulesRegistry registry;

    RulesReadinessCheck(RulesRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return registry.current()
                .map(rules -> HealthCheckResponse.named("rules").up()
                        .withData("rulesVersion", rules.version())
                        .withData("rules", rules.rules().size())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("rules").down().withData("reason", "rules not loaded").build());
    }
}
