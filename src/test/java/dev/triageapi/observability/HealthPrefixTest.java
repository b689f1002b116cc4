package dev.triageapi.observability;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the access log expects health probes, for each way Quarkus lets the three paths be set. */
class HealthPrefixTest {

    @ParameterizedTest
    @CsvSource({
            "/,      q,          health,   /q/health",
            "/api,   q,          health,   /api/q/health",
            "/api/,  /q,         health,   /q/health",
            "/,      q,          /probes,  /probes",
            "/,      management, health/,  /management/health"})
    void shouldResolveEachRelativePathAgainstTheOneAboveIt(String root, String nonApplication, String health, String expected) {
        assertEquals(expected, AccessLog.healthPrefix(root, nonApplication, health));
    }
}
