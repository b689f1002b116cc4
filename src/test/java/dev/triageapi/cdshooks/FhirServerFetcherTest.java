package dev.triageapi.cdshooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which next-page links stay under a FHIR server's base: every spelling a server might resolve elsewhere is refused. */
class FhirServerFetcherTest {

    private static final URI BASE = URI.create("https://ehr.example.test/fhir/");

    @ParameterizedTest
    @ValueSource(strings = {
            "https://ehr.example.test/fhir",
            "https://ehr.example.test/fhir?_getpages=abc&_getpagesoffset=2",
            "https://ehr.example.test/fhir/Observation?patient=1&_page=2",
            "https://EHR.example.test/fhir/Observation"})
    void shouldFollowPagesUnderTheBase(String link) {
        assertTrue(FhirServerFetcher.under(BASE, URI.create(link)), link);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://ehr.example.test/fhir/../secret/admin",
            "https://ehr.example.test/fhir/./../secret",
            "https://ehr.example.test/fhir/%2e%2e/secret",
            "https://ehr.example.test/fhir/%2E%2E/secret",
            "https://ehr.example.test/fhir/..;/secret",
            "https://ehr.example.test/fhir/..;x=1/secret",
            "https://ehr.example.test/fhir/%252e%252e/secret",
            "https://ehr.example.test/fhir/..%5csecret",
            "https://ehr.example.test/fhir/x/..",
            "https://ehr.example.test/fhirx/Observation",
            "https://ehr.example.test/other",
            "https://ehr.example.test:8443/fhir/Observation",
            "http://ehr.example.test/fhir/Observation",
            "https://attacker.example/fhir/Observation",
            "https://user@ehr.example.test/fhir/Observation"})
    void shouldRefuseALinkThatCouldLeaveTheBase(String link) {
        assertFalse(FhirServerFetcher.under(BASE, URI.create(link)), link);
    }
}
