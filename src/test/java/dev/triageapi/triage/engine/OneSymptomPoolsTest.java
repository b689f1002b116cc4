package dev.triageapi.triage.engine;

import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneSymptomPoolsTest {

    @Test
    void shouldBuildOneBaseForEveryLevelAndSymptomThatLeaveOutTheSameRules() {
        AtomicInteger built = new AtomicInteger();
        OneSymptomPools pools = new OneSymptomPools((level, code) -> code.equals("fatigue") ? null : Set.of("a rule"), left -> {
            built.incrementAndGet();
            return Rules.RULES.kieBase();
        });

        OneSymptomPools.Narrower headache = pools.narrower(Urgency.EMERGENCY, "headache").orElseThrow();
        OneSymptomPools.Narrower fever = pools.narrower(Urgency.CONSULTATION_24, "fever").orElseThrow();

        assertSame(headache, fever);
        assertEquals(Set.of("a rule"), headache.leftOut());
        assertTrue(pools.narrower(Urgency.EMERGENCY, "fatigue").isEmpty(), "nothing more to leave out: the level's pool");
        assertEquals(1, built.get());
    }

    @Test
    void shouldLeaveAWhatIfOnItsLevelsRulesWhenANarrowerBaseCannotBeBuilt() {
        AtomicInteger tried = new AtomicInteger();
        OneSymptomPools pools = new OneSymptomPools((level, code) -> Set.of("a rule"), left -> {
            tried.incrementAndGet();
            throw new IllegalStateException("no base");
        });

        assertTrue(pools.narrower(Urgency.EMERGENCY, "headache").isEmpty());
        assertTrue(pools.narrower(Urgency.EMERGENCY, "headache").isEmpty());
        assertEquals(1, tried.get(), "a base that failed is not tried again for the same level and symptom");
    }
}
