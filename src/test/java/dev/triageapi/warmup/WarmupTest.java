package dev.triageapi.warmup;

import dev.triageapi.config.TriageConfig;
import dev.triageapi.security.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service warms itself up through its own HTTP paths before it reports ready, then forgets its internal key. */
@QuarkusTest
@TestProfile(WarmupTest.WarmUpOn.class)
class WarmupTest {

    /** Warm-up is off in the other tests, which count requests. */
    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.warm-up.enabled", "true");
        }
    }

    @Inject
    TriageConfig config;

    @Inject
    Warmup warmup;

    @Inject
    ApiKeys keys;

    @Test
    void shouldBecomeReadyOnlyAfterWarmingUpAndRetireItsKey() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'warm-up' }.status", equalTo("UP")));
        // Every vignette, the error path, and ten each of the three FHIR and CDS examples, over all lanes.
        assertEquals(dev.triageapi.triage.vignette.VignetteSuite.bundled().size() + 1 + 30, warmup.sent(),
                "warm-up sent the vignettes and the FHIR and CDS examples");
        assertFalse(keys.isValid(keys.internalKey()), "the internal key is retired once warm-up is done");
        assertFalse(keys.isInternal(keys.internalKey()), "after warm-up nothing is exempt from the access log");
    }

    @Test
    void shouldReportNotReadyWhileWarmingUp() {
        Warmup fresh = new Warmup(keys, null, config);
        assertEquals(HealthCheckResponse.Status.DOWN, new WarmupReadinessCheck(fresh).call().getStatus());
    }
}
