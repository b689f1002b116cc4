package dev.triageapi.fhir;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The hostile FHIR corpus against the packaged jar. */
@QuarkusIntegrationTest
class FhirHostileInputIT extends FhirHostileInputTest {
}
