package dev.triageapi.triage.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The REST contract tests, run against the packaged jar as an operator starts it. */
@QuarkusIntegrationTest
class TriageResourceIT extends TriageResourceTest {
}
