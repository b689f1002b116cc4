package dev.triageapi.cdshooks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same hostile corpus against the packaged jar. */
@QuarkusIntegrationTest
class CdsIntakeHostileInputIT extends CdsIntakeHostileInputTest {
}
