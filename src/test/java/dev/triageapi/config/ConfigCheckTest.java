package dev.triageapi.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings an operator may get wrong, checked without starting the service. */
class ConfigCheckTest {

    @Test
    void shouldAcceptTheDefaults() {
        assertTrue(TriageConfig.Api.problems(limits(50, 1000, 16)).isEmpty());
    }

    @Test
    void shouldRefuseLimitsOutsideTheContract() {
        assertEquals(List.of("triage.api.max-symptoms must be between 1 and 50, is 51",
                        "triage.api.max-string-length must be at least 64, is 63",
                        "triage.api.max-nesting-depth must be at least 4 (a valid request needs 4), is 3"),
                TriageConfig.Api.problems(limits(51, 63, 3)));
        assertEquals(1, TriageConfig.Api.problems(limits(0, 64, 4)).size());
    }

    @Test
    void shouldRefuseABodyLimitTheRestLayersBufferDoesNotHold() {
        assertEquals(List.of(), ConfigCheck.bodyBuffer(64 * 1024, 65 * 1024));
        assertEquals(List.of("quarkus.rest.input-buffer-size (65536 bytes) must be larger than "
                + "quarkus.http.limits.max-body-size (131072 bytes)"), ConfigCheck.bodyBuffer(128 * 1024, 64 * 1024));
    }

    @Test
    void shouldRefuseANegativeWarmUpSample() {
        assertEquals(List.of("triage.warm-up.vignettes must not be negative, is -1"), TriageConfig.WarmUp.problems(warmUp(-1)));
        assertTrue(TriageConfig.WarmUp.problems(warmUp(0)).isEmpty());
    }

    @Test
    void shouldRefuseToCheckAClinicsRulesOnNoVignette() {
        assertEquals(List.of("triage.rules.premise-vignettes must be at least 1, is 0"), TriageConfig.Rules.problems(rules(OptionalInt.of(0))));
        assertTrue(TriageConfig.Rules.problems(rules(OptionalInt.of(1))).isEmpty());
        assertTrue(TriageConfig.Rules.problems(rules(OptionalInt.empty())).isEmpty(), "unset: every vignette");
    }

    private static TriageConfig.Rules rules(OptionalInt premiseVignettes) {
        return new TriageConfig.Rules() {
            public Optional<Path> dir() { return Optional.empty(); }
            public java.time.Duration reloadInterval() { return java.time.Duration.ZERO; }
            public OptionalInt premiseVignettes() { return premiseVignettes; }
        };
    }

    @Test
    void shouldRefuseToQueryAnEhrWithoutATrustedCdsClient() {
        List<String> problems = TriageConfig.Cds.problems(cds(Map.of(), List.of(URI.create("https://ehr.example.test/fhir"))),
                Optional.empty());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("triage.cds.fhir-servers needs triage.cds.clients"), problems.get(0));
        assertTrue(TriageConfig.Cds.problems(cds(Map.of(), List.of()), Optional.empty()).isEmpty(),
                "the quick start (no server, no client) fetches nothing and starts");
        TriageConfig.Cds.Client client = new TriageConfig.Cds.Client() {
            public String issuer() { return "https://ehr.example.test/"; }
            public Optional<URI> jwksUrl() { return Optional.of(URI.create("https://ehr.example.test/jwks")); }
            public Optional<Path> jwksFile() { return Optional.empty(); }
            public Optional<List<URI>> fhirServers() { return Optional.empty(); }
        };
        assertTrue(TriageConfig.Cds.problems(cds(Map.of("ehr", client), List.of(URI.create("https://ehr.example.test/fhir"))),
                Optional.of(URI.create("https://triage.example.test/"))).isEmpty());
    }

    @Test
    void shouldRefuseAClientServerOutsideTheServersTheServiceMayQuery() {
        TriageConfig.Cds.Client client = new TriageConfig.Cds.Client() {
            public String issuer() { return "https://ehr.example.test/"; }
            public Optional<URI> jwksUrl() { return Optional.of(URI.create("https://ehr.example.test/jwks")); }
            public Optional<Path> jwksFile() { return Optional.empty(); }
            public Optional<List<URI>> fhirServers() { return Optional.of(List.of(URI.create("https://other.example.test/fhir"))); }
        };
        assertEquals(List.of("triage.cds.clients.ehr.fhir-servers names https://other.example.test/fhir, which is not in "
                        + "triage.cds.fhir-servers"),
                TriageConfig.Cds.problems(cds(Map.of("ehr", client), List.of(URI.create("https://ehr.example.test/fhir"))),
                        Optional.of(URI.create("https://triage.example.test/"))));
    }

    @Test
    void shouldRefuseTwoClientsOfOneIssuerAndSeveralClientsWithoutTheirOwnServers() {
        URI server = URI.create("https://ehr.example.test/fhir");
        List<String> problems = TriageConfig.Cds.problems(cds(Map.of("a", client("https://ehr.example.test/", List.of()),
                "b", client("https://ehr.example.test/", List.of(URI.create("https://ehr.example.test/fhir/")))), List.of(server)),
                Optional.of(URI.create("https://triage.example.test/")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("have the same issuer")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("triage.cds.clients.a.fhir-servers is required")), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("not in triage.cds.fhir-servers")),
                "a trailing slash names the same server: " + problems);
    }

    private static TriageConfig.Cds.Client client(String issuer, List<URI> servers) {
        return new TriageConfig.Cds.Client() {
            public String issuer() { return issuer; }
            public Optional<URI> jwksUrl() { return Optional.of(URI.create(issuer + "jwks")); }
            public Optional<Path> jwksFile() { return Optional.empty(); }
            public Optional<List<URI>> fhirServers() { return servers.isEmpty() ? Optional.empty() : Optional.of(servers); }
        };
    }

    private static TriageConfig.Cds cds(Map<String, TriageConfig.Cds.Client> clients, List<URI> servers) {
        return new TriageConfig.Cds() {
            public Map<String, Client> clients() { return clients; }
            public Optional<List<URI>> fhirServers() { return servers.isEmpty() ? Optional.empty() : Optional.of(servers); }
            public Duration fetchTimeout() { return Duration.ofSeconds(4); }
            public int maxPages() { return 5; }
            public Duration jwksRefresh() { return Duration.ofMinutes(5); }
        };
    }

    private static TriageConfig.WarmUp warmUp(int vignettes) {
        return new TriageConfig.WarmUp() {
            public boolean enabled() { return true; }
            public int vignettes() { return vignettes; }
        };
    }

    private static TriageConfig.Api limits(int symptoms, int stringLength, int nesting) {
        return new TriageConfig.Api() {
            public int maxSymptoms() { return symptoms; }
            public int maxStringLength() { return stringLength; }
            public int maxTextLength() { return Math.min(stringLength, 2000); }
            public int maxNestingDepth() { return nesting; }
            public Duration bodyTimeout() { return Duration.ofSeconds(10); }
            public boolean rejectUnknownFields() { return false; }
            public int interviewQuestions() { return 8; }
            public int interviewEvaluations() { return 200; }
        };
    }
}
