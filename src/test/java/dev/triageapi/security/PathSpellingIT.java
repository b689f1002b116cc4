package dev.triageapi.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Order;

/**
 * Every spelling of every protected route, against the packaged jar with keys configured. It runs after the ITs
 * without a profile (see the failsafe configuration), so the jar restarts once for it instead of twice.
 */
@QuarkusIntegrationTest
@Order(Order.DEFAULT + 1)
class PathSpellingIT extends PathSpellingTest {
}
