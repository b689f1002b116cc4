package dev.triageapi.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's own metrics at {@code /q/metrics}. Labels are only channel, outcome, urgency level, reload result and
 * rules version: never anything a patient reported.
 */
@ApplicationScoped
public class TriageMetrics {

    private final MeterRegistry registry;
    private final AtomicReference<Gauge> rulesInfo = new AtomicReference<>();
    private final Timer duration;
    // Registered once per label pair: looking a meter up through its builder on every request costs more than
    // counting it.
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();

    public TriageMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("triage.request.duration")
                .description("Time to answer a triage request")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
    }

    /** One answered request to a triage door: JSON, FHIR or CDS Hooks. */
    public void triage(String channel, int status, String urgency, long nanos) {
        String outcome = status < 400 ? "ok" : status < 500 ? "client_error" : "server_error";
        String level = urgency == null ? "none" : urgency;
        requests.computeIfAbsent(channel + " " + outcome + " " + level, key -> Counter.builder("triage.requests")
                .description("Triage requests by channel, outcome and urgency")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .tag("urgency", level)
                .register(registry)).increment();
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One CDS Hooks feedback item: which service, accepted or overridden, and whether a reason was coded (never which). */
    public void feedback(String service, String outcome, boolean reasonGiven) {
        Counter.builder("triage.cds.feedback")
                .description("CDS Hooks card feedback by service and outcome")
                .tag("service", service)
                .tag("outcome", outcome)
                .tag("reason", reasonGiven ? "coded" : "none")
                .register(registry).increment();
    }

    /** An attempt to load changed rules. */
    public void reload(boolean accepted) {
        Counter.builder("triage.rules.reloads")
                .description("Attempts to load changed rule files")
                .tag("result", accepted ? "accepted" : "rejected")
                .register(registry).increment();
    }

    /** The rules now answering: a gauge of 1 labelled with their version, replacing the previous one. */
    public void rulesLoaded(String version) {
        Gauge gauge = Gauge.builder("triage.rules.info", () -> 1)
                .description("The loaded rule set, as its version label")
                .tag("version", version)
                .register(registry);
        Gauge previous = rulesInfo.getAndSet(gauge);
        if (previous != null && !previous.getId().equals(gauge.getId())) {
            registry.remove(previous);
        }
    }
}
