package dev.triageapi.security;

import dev.triageapi.testing.CustomisedClinic;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Order;

import java.util.Map;

/**
 * Every spelling of every protected route, against the packaged jar with keys configured. It runs after the ITs
 * without a profile (see the failsafe configuration), so the jar restarts once for it instead of twice.
 */
@QuarkusIntegrationTest
@TestProfile(PathSpellingIT.KeysOnly.class)
@Order(Order.DEFAULT + 1)
class PathSpellingIT extends PathSpellingTest {

    /**
     * The clinic's keys and nothing else of its settings: its warm-up would cost the jar's start 2.5 s and run beside
     * the test. A profile only an IT uses costs the test JVM nothing (the jar is built already).
     */
    public static class KeysOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.security.api-keys", CustomisedClinic.FIRST_KEY + "," + CustomisedClinic.SECOND_KEY);
        }
    }
}
