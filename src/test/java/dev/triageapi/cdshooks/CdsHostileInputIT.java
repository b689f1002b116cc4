package dev.triageapi.cdshooks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The hostile CDS Hooks corpus against the packaged jar. */
@QuarkusIntegrationTest
class CdsHostileInputIT extends CdsHostileInputTest {
}
