package dev.triageapi.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Every spelling of every protected route, against the packaged jar with keys configured. */
@QuarkusIntegrationTest
class PathSpellingIT extends PathSpellingTest {
}
