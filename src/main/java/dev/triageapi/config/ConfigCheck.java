package dev.triageapi.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/** Refuses to start with settings outside their ranges (request limits the contract allows), before anything else starts up. */
@ApplicationScoped
public class ConfigCheck {

    void check(@Observes @Priority(1) StartupEvent event, TriageConfig config) {
        List<String> problems = new ArrayList<>(TriageConfig.Api.problems(config.api()));
        problems.addAll(TriageConfig.Cds.problems(config.cds(), config.publicBaseUrl()));
        problems.addAll(TriageConfig.WarmUp.problems(config.warmUp()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid configuration: " + String.join("; ", problems));
        }
    }
}
