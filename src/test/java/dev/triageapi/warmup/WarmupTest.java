package dev.triageapi.warmup;

import dev.triageapi.security.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The service warms itself up through its own HTTP paths before it reports ready, then forgets its internal key. */
@QuarkusTest
class WarmupTest {

    @Inject
    Warmup warmup;

    @Inject
    ApiKeys keys;

    @Test
    void shouldBecomeReadyOnlyAfterWarmingUpAndRetireItsKey() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'warm-up' }.status", equalTo("UP")));
        assertFalse(keys.isValid(keys.internalKey()), "the internal key is retired once warm-up is done");
        assertFalse(keys.isInternal(keys.internalKey()), "after warm-up nothing is exempt from the access log");
    }

    @Test
    void shouldReportNotReadyWhileWarmingUp() {
        Warmup fresh = new Warmup(keys);
        assertEquals(HealthCheckResponse.Status.DOWN, new WarmupReadinessCheck(fresh).call().getStatus());
    }
}
