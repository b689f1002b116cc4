package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleSet;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Shows in {@code /q/health} (as a wellness check, so probes are not affected) that the rules folder holds a change
 * that was rejected or cannot be read, or that the folder is no longer being checked: the service still answers with
 * the rules it has, but someone should look.
 */
@Wellness
@ApplicationScoped
public class RulesReloadCheck implements HealthCheck {

    private final RulesRegistry registry;

    RulesReloadCheck(RulesRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("rules-reload")
                .withData("watching", registry.reloading())
                .withData("lastCheck", registry.lastCheck().map(Object::toString).orElse("none"))
                .withData("servingVersion", registry.current().map(RuleSet::version).orElse("none"));
        if (registry.watchingConfigured() && !registry.reloading()) {
            return check.down().withData("firstProblem", "the rules folder has not been checked for a while").build();
        }
        return registry.lastAttempt().filter(attempt -> !attempt.accepted())
                .map(rejected -> check.down()
                        .withData("rejectedVersion", String.valueOf(rejected.candidateVersion()))
                        .withData("rejectedAt", rejected.at().toString())
                        .withData("problems", rejected.problems().size())
                        .withData("firstProblem", rejected.problems().isEmpty() ? "" : rejected.problems().get(0))
                        .build())
                .orElseGet(() -> check.up().build());
    }
}
