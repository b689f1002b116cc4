package dev.triageapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the service under {@code triage.}, in one mapping with a group per concern. SmallRye Config refuses
 * to start on an unknown {@code triage.*} key, so a typo cannot pass silently. Ranges are checked at start by
 * {@link ConfigCheck} (see {@link Api#problems}): Bean Validation on a mapping would cost a validator bootstrap at
 * every start.
 */
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

    /** What a request may contain, under {@code triage.api.}; the body size limit is {@code quarkus.http.limits.max-body-size}. */
    Api api();

    /** Access control, under {@code triage.security.}. */
    Security security();

    /** Rule source settings. */
    interface Rules {

        /** A folder of DRL files to load instead of the rules bundled in the application (for clinics that adapt rules). */
        Optional<Path> dir();

        /** How often {@code dir} is checked for changed files; a changed rule set is swapped in only if it passes. 0 turns reloading off. */
        @WithDefault("5s")
        Duration reloadInterval();
    }

    /** Limits on what a request may contain and how it may arrive. */
    interface Api {

        /** Most symptoms one request may report (the contract allows at most 50). */
        @WithDefault("50")
        int maxSymptoms();

        /** Longest string value, in characters, that the JSON reader accepts anywhere in a body. */
        @WithDefault("1000")
        int maxStringLength();

        /** Deepest nesting of JSON arrays and objects the reader accepts (a valid request needs 4). */
        @WithDefault("16")
        int maxNestingDepth();

        /** Longest time a client may take to send a request body once its headers arrived; a slower one gets 408. */
        @WithDefault("10s")
        Duration bodyTimeout();

        /** Answer 400 for JSON fields the contract does not define, instead of ignoring them. */
        @WithDefault("false")
        boolean rejectUnknownFields();

        /** What is wrong with these limits: max-symptoms 1 to 50, max-string-length at least 64, max-nesting-depth at least 4. */
        static List<String> problems(Api config) {
            List<String> problems = new ArrayList<>();
            if (config.maxSymptoms() < 1 || config.maxSymptoms() > 50) {
                problems.add("triage.api.max-symptoms must be between 1 and 50, is " + config.maxSymptoms());
            }
            if (config.maxStringLength() < 64) {
                problems.add("triage.api.max-string-length must be at least 64, is " + config.maxStringLength());
            }
            if (config.bodyTimeout().isNegative() || config.bodyTimeout().isZero()) {
                problems.add("triage.api.body-timeout must be positive, is " + config.bodyTimeout());
            }
            if (config.maxNestingDepth() < 4) {
                problems.add("triage.api.max-nesting-depth must be at least 4 (a valid request needs 4), is " + config.maxNestingDepth());
            }
            return problems;
        }
    }

    /** Access control for clinic integration. */
    interface Security {

        /** Accepted values of the {@code X-API-Key} header, comma-separated; unset means the API is open (the default). */
        Optional<List<String>> apiKeys();
    }
}
