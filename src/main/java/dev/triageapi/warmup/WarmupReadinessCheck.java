package dev.triageapi.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness stays DOWN while the service warms up, so a load balancer sends no patient to a cold replica. */
@Readiness
@ApplicationScoped
public class WarmupReadinessCheck implements HealthCheck {

    private final Warmup warmup;

    WarmupReadinessCheck(Warmup warmup) {
        this.warmup = warmup;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmup.done()).build();
    }
}
