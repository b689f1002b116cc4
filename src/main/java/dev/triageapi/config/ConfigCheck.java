package dev.triageapi.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/** Refuses to start with settings outside their ranges (request limits the contract allows), before anything else starts up. */
@ApplicationScoped
public class ConfigCheck {

    void check(@Observes @Priority(1) StartupEvent event, TriageConfig config,
               @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
               @ConfigProperty(name = "quarkus.rest.input-buffer-size", defaultValue = "10k") MemorySize inputBuffer) {
        List<String> problems = new ArrayList<>(TriageConfig.Api.problems(config.api()));
        problems.addAll(bodyBuffer(maxBody.asLongValue(), inputBuffer.asLongValue()));
        problems.addAll(TriageConfig.Cds.problems(config.cds(), config.publicBaseUrl()));
        problems.addAll(TriageConfig.WarmUp.problems(config.warmUp()));
        problems.addAll(TriageConfig.Rules.problems(config.rules()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid configuration: " + String.join("; ", problems));
        }
    }

    /**
     * The REST layer reads a body the request guard already buffered only up to its input buffer; above it, it reads
     * the ended request stream again and gets zeros, so every larger valid body would be refused as malformed JSON.
     */
    static List<String> bodyBuffer(long maxBody, long inputBuffer) {
        return inputBuffer > maxBody ? List.of() : List.of("quarkus.rest.input-buffer-size (" + inputBuffer
                + " bytes) must be larger than quarkus.http.limits.max-body-size (" + maxBody + " bytes)");
    }
}
