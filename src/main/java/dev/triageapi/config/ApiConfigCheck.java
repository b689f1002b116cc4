package dev.triageapi.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/** Refuses to start with request limits outside what the contract allows, before anything else starts up. */
@ApplicationScoped
public class ApiConfigCheck {

    void check(@Observes @Priority(1) StartupEvent event, ApiConfig config) {
        List<String> problems = ApiConfig.problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid configuration: " + String.join("; ", problems));
        }
    }
}
