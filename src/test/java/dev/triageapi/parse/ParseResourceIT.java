package dev.triageapi.parse;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The parse endpoint, the text of a triage request and their hostile texts, against the packaged jar. */
@QuarkusIntegrationTest
class ParseResourceIT extends ParseResourceTest {
}
