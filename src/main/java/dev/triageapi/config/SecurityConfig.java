package dev.triageapi.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** Access control for clinic integration, under {@code triage.security.}. */
@ConfigMapping(prefix = "triage.security")
public interface SecurityConfig {

    /** Accepted values of the {@code X-API-Key} header, comma-separated; unset means the API is open (the default). */
    Optional<List<String>> apiKeys();
}
