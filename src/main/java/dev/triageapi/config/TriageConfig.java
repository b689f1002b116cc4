package dev.triageapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** Warm-up before readiness, under {@code triage.warm-up.}. */
    WarmUp warmUp();

    /** Whether the service warms its own request paths up over loopback before it reports ready. */
    interface WarmUp {

        /** Send vignettes and the FHIR and CDS Hooks examples through the HTTP paths before readiness turns UP. */
        @WithDefault("true")
        boolean enabled();

        /** How many bundled vignettes warm-up sends, taken evenly across the suite (all of them when it has fewer). */
        @WithDefault("32")
        int vignettes();

        /** What is wrong with these settings; empty when nothing is. */
        static List<String> problems(WarmUp config) {
            return config.vignettes() < 0
                    ? List.of("triage.warm-up.vignettes must not be negative, is " + config.vignettes()) : List.of();
        }
    }

    /** CDS Hooks: trusted clients and the FHIR servers this service may query, under {@code triage.cds.}. */
    Cds cds();

    /** Rule source settings. */
    interface Rules {

        /** A folder of DRL files to load instead of the rules bundled in the application (for clinics that adapt rules). */
        Optional<Path> dir();

        /** How often {@code dir} is checked for changed files; a changed rule set is swapped in only if it passes. 0 turns reloading off. */
        @WithDefault("5s")
        Duration reloadInterval();

        /**
         * How many bundled vignettes a folder's rules are checked on for what the interview takes rules to do, taken
         * evenly across the suite; unset, every vignette (2 to 3 s on two cores).
         */
        OptionalInt premiseVignettes();

        /** What is wrong with these settings; empty when nothing is. */
        static List<String> problems(Rules config) {
            return config.premiseVignettes().isPresent() && config.premiseVignettes().getAsInt() < 1
                    ? List.of("triage.rules.premise-vignettes must be at least 1, is " + config.premiseVignettes().getAsInt()) : List.of();
        }
    }

    /** Limits on what a request may contain and how it may arrive. */
    interface Api {

        /** Most symptoms one request may report (the contract allows at most 50). */
        @WithDefault("50")
        int maxSymptoms();

        /**
         * Longest string value, in characters, that the JSON reader accepts anywhere in a body; above max-text-length,
         * so that a triage request whose text alone is too long is still triaged on its fields.
         */
        @WithDefault("4000")
        int maxStringLength();

        /** Longest patient text, in characters, that parse and triage read; a longer one is a 413. */
        @WithDefault("2000")
        int maxTextLength();

        /** Deepest nesting of JSON arrays and objects the reader accepts (a valid request needs 4). */
        @WithDefault("16")
        int maxNestingDepth();

        /** Longest time a client may take to send a request body once its headers arrived; a slower one gets 408. */
        @WithDefault("10s")
        Duration bodyTimeout();

        /** Answer 400 for JSON fields the contract does not define, instead of ignoring them and listing them in {@code unused}. */
        @WithDefault("false")
        boolean rejectUnknownFields();

        /**
         * Most questions that could raise the level one answer verifies and lists (each costs an evaluation per answer
         * option the rules could read); the interview is complete only when every open question was verified and none
         * changes it.
         */
        @WithDefault("8")
        int interviewQuestions();

        /**
         * Most rule evaluations the interview may make for one request, give or take the one a last what-if may need
         * (about 20 on ordinary requests): a request with many symptoms opens many questions, and one POST must not buy
         * unbounded CPU. Past it the interview returns what it verified and is not complete.
         */
        @WithDefault("200")
        int interviewEvaluations();

        /** What is wrong with these limits: max-symptoms 1 to 50, max-string-length at least 64, max-nesting-depth at least 4. */
        static List<String> problems(Api config) {
            List<String> problems = new ArrayList<>();
            if (config.maxSymptoms() < 1 || config.maxSymptoms() > 50) {
                problems.add("triage.api.max-symptoms must be between 1 and 50, is " + config.maxSymptoms());
            }
            if (config.maxStringLength() < 64) {
                problems.add("triage.api.max-string-length must be at least 64, is " + config.maxStringLength());
            }
            if (config.maxTextLength() < 1 || config.maxTextLength() > config.maxStringLength()) {
                problems.add("triage.api.max-text-length must be between 1 and max-string-length ("
                        + config.maxStringLength() + "), is " + config.maxTextLength());
            }
            if (config.bodyTimeout().isNegative() || config.bodyTimeout().isZero()) {
                problems.add("triage.api.body-timeout must be positive, is " + config.bodyTimeout());
            }
            if (config.interviewEvaluations() < 10) {
                problems.add("triage.api.interview-evaluations must be at least 10, is " + config.interviewEvaluations());
            }
            if (config.interviewQuestions() < 1) {
                problems.add("triage.api.interview-questions must be at least 1, is " + config.interviewQuestions());
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

    /** CDS Hooks clients and FHIR servers. */
    interface Cds {

        /**
         * EHRs trusted to call the CDS services, by a name of your choice; with none, CDS Hooks calls are authorised
         * like the JSON API (by {@code X-API-Key}, or open). With one or more, every CDS call needs their signed JWT.
         */
        Map<String, Client> clients();

        /**
         * Base URLs of FHIR servers this service may query when a hook call does not carry its prefetch; a call naming
         * any other {@code fhirServer} is never fetched from. Needs {@code clients}: only a call with a verified JWT may
         * make this service query an EHR. Unset (the quick start), the service only reads prefetched data.
         */
        Optional<List<URI>> fhirServers();

        /** Longest time all queries of one hook call to its FHIR server may take together. */
        @WithDefault("4s")
        Duration fetchTimeout();

        /** Most search result pages read from the FHIR server for one prefetch key. */
        @WithDefault("5")
        int maxPages();

        /**
         * How often each client's {@code jwks-url} is downloaded again, by the scheduler and never by a request: a token
         * naming a key the last download did not hold is refused until the next one.
         */
        @WithDefault("5m")
        Duration jwksRefresh();

        /** A CDS client: the issuer of its JWTs and where its public keys are. */
        interface Client {

            /** The {@code iss} its JWTs carry, exactly. */
            String issuer();

            /** URL of its JWK Set; a {@code jku} header in a JWT is never followed. */
            Optional<URI> jwksUrl();

            /** A JWK Set file, for clients that hand their keys over out of band. */
            Optional<Path> jwksFile();

            /**
             * The FHIR servers of {@code triage.cds.fhir-servers} this client's calls may name (its own EHR's); unset,
             * any of them. Set it when several EHRs are trusted, so that one cannot aim the service at another's server.
             */
            Optional<List<URI>> fhirServers();
        }

        /**
         * A FHIR base URL with exactly one trailing slash: relative queries resolve under it, and the start-up checks
         * and the fetcher compare servers in this one form.
         */
        static URI base(URI uri) {
            String text = uri.toString();
            return URI.create(text.endsWith("/") ? text : text + "/");
        }

        /**
         * What is wrong with these settings: each client needs exactly one key source and an issuer of its own, and,
         * when several may make the service query FHIR servers, a list of its own among them; FHIR servers need
         * clients; max-pages and jwks-refresh are in range.
         */
        static List<String> problems(Cds config, Optional<URI> publicBaseUrl) {
            List<String> problems = new ArrayList<>();
            List<URI> servers = config.fhirServers().orElse(List.of()).stream().map(Cds::base).toList();
            Map<String, String> nameByIssuer = new HashMap<>();
            config.clients().forEach((name, client) -> {
                if (client.jwksUrl().isPresent() == client.jwksFile().isPresent()) {
                    problems.add("triage.cds.clients." + name + " needs exactly one of jwks-url and jwks-file");
                }
                String other = nameByIssuer.putIfAbsent(client.issuer(), name);
                if (other != null) {
                    problems.add("triage.cds.clients." + name + " and " + other + " have the same issuer: a JWT must name one client");
                }
                List<URI> own = client.fhirServers().orElse(List.of());
                own.stream().filter(server -> !servers.contains(base(server))).forEach(server ->
                        problems.add("triage.cds.clients." + name + ".fhir-servers names " + server
                                + ", which is not in triage.cds.fhir-servers"));
                if (own.isEmpty() && !servers.isEmpty() && config.clients().size() > 1) {
                    problems.add("triage.cds.clients." + name + ".fhir-servers is required when several CDS clients may "
                            + "make the service query FHIR servers: each names its own EHR's, so none can aim it at another's");
                }
            });
            if (config.fhirServers().isPresent() && !config.fhirServers().get().isEmpty() && config.clients().isEmpty()) {
                problems.add("triage.cds.fhir-servers needs triage.cds.clients: only a CDS client whose signed JWT is "
                        + "verified may make this service query an EHR, and with no client configured any API key "
                        + "holder could have it fetch any patient's records");
            }
            if (config.jwksRefresh().compareTo(Duration.ofSeconds(30)) < 0 || config.jwksRefresh().compareTo(Duration.ofDays(1)) > 0) {
                problems.add("triage.cds.jwks-refresh must be between 30s and 1d, is " + config.jwksRefresh());
            }
            if (!config.clients().isEmpty() && publicBaseUrl.isEmpty()) {
                problems.add("triage.public-base-url is required with triage.cds.clients: a JWT's aud is checked against it");
            }
            if (config.maxPages() < 1 || config.maxPages() > 50) {
                problems.add("triage.cds.max-pages must be between 1 and 50, is " + config.maxPages());
            }
            return problems;
        }
    }
}
