package dev.triageapi.warmup;

import dev.triageapi.config.TriageConfig;
import dev.triageapi.security.ApiKeys;
import dev.triageapi.testing.CustomisedClinic;
import dev.triageapi.triage.vignette.VignetteSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service warms itself up through its own HTTP paths before it reports ready, then forgets its internal key. Warm-up
 * is on only in the clinic's profile: the other tests count requests.
 */
@QuarkusTest
@TestProfile(CustomisedClinic.class)
class WarmupTest {

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
        // The configured sample of vignettes, the error path, and each of the three FHIR and CDS examples and the three
        // free-text ones (two parses, one triage from text), over all lanes.
        int vignettes = Math.min(config.warmUp().vignettes(), VignetteSuite.bundled().size());
        assertEquals(vignettes + 1 + 6 * Warmup.EXAMPLE_ROUNDS, warmup.sent(),
                "warm-up sent the vignettes and the FHIR, CDS and free-text examples");
        assertFalse(keys.isValid(keys.internalKey()), "the internal key is retired once warm-up is done");
        assertFalse(keys.isInternal(keys.internalKey()), "after warm-up nothing is exempt from the access log");
    }

    @Test
    void shouldSampleTheVignettesEvenlyAcrossTheSuite() {
        List<Integer> suite = IntStream.range(0, 263).boxed().toList();
        List<Integer> sample = VignetteSuite.spread(suite, 32);
        assertEquals(32, sample.size());
        assertEquals(32, new HashSet<>(sample).size(), "no vignette twice");
        assertEquals(0, sample.get(0));
        assertTrue(263 - sample.get(31) <= 263 / 32 + 1, "the sample reaches the end of the suite: " + sample);
        assertEquals(suite, VignetteSuite.spread(suite, 300), "all of them when there are fewer than asked for");
        assertEquals(List.of(), VignetteSuite.spread(suite, 0));
    }

    @Test
    void shouldReportNotReadyWhileWarmingUp() {
        Warmup fresh = new Warmup(keys, null, config);
        assertEquals(HealthCheckResponse.Status.DOWN, new WarmupReadinessCheck(fresh).call().getStatus());
    }
}
