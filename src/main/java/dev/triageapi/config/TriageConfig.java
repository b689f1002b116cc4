package dev.triageapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the triage service, under the {@code triage.} prefix. */
@ConfigMapping(prefix = "triage")
public interface TriageConfig {

    /** The local emergency number, written into emergency advice and the disclaimer. */
    @WithDefault("911")
    String emergencyNumber();

    /**
     * The address clients reach this service at, such as {@code https://triage.example-clinic.org/}: the base of the
     * absolute links in CDS Hooks cards. Unset, cards carry no links; an address is never taken from a request.
     */
    Optional<URI> publicBaseUrl();

    /** Where the rules come from. */
    Rules rules();

    /** Rule source settings. */
    interface Rules {

        /** A folder of DRL files to load instead of the rules bundled in the application (for clinics that adapt rules). */
        Optional<Path> dir();

        /** How often {@code dir} is checked for changed files; a changed rule set is swapped in only if it passes. 0 turns reloading off. */
        @WithDefault("5s")
        Duration reloadInterval();
    }
}
