package dev.triageapi.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request limits an operator may configure, checked without starting the service. */
class ConfigCheckTest {

    @Test
    void shouldAcceptTheDefaults() {
        assertTrue(TriageConfig.Api.problems(limits(50, 1000, 16)).isEmpty());
    }

    @Test
    void shouldRefuseLimitsOutsideTheContract() {
        assertEquals(List.of("triage.api.max-symptoms must be between 1 and 50, is 51",
                        "triage.api.max-string-length must be at least 64, is 63",
                        "triage.api.max-nesting-depth must be at least 4 (a valid request needs 4), is 3"),
                TriageConfig.Api.problems(limits(51, 63, 3)));
        assertEquals(1, TriageConfig.Api.problems(limits(0, 64, 4)).size());
    }

    @Test
    void shouldRefuseANegativeWarmUpSample() {
        assertEquals(List.of("triage.warm-up.vignettes must not be negative, is -1"), TriageConfig.WarmUp.problems(warmUp(-1)));
        assertTrue(TriageConfig.WarmUp.problems(warmUp(0)).isEmpty());
    }

    private static TriageConfig.WarmUp warmUp(int vignettes) {
        return new TriageConfig.WarmUp() {
            public boolean enabled() { return true; }
            public int vignettes() { return vignettes; }
        };
    }

    private static TriageConfig.Api limits(int symptoms, int stringLength, int nesting) {
        return new TriageConfig.Api() {
            public int maxSymptoms() { return symptoms; }
            public int maxStringLength() { return stringLength; }
            public int maxNestingDepth() { return nesting; }
            public java.time.Duration bodyTimeout() { return java.time.Duration.ofSeconds(10); }
            public boolean rejectUnknownFields() { return false; }
        };
    }
}
