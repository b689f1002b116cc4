package dev.triageapi.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A corpus of hostile bodies for one endpoint, from the subclass's static {@code bodies()}: each must be refused with
 * a 4xx problem within {@link Hostile#BOUND}, and after each the endpoint must still answer a valid request.
 */
public abstract class HostileCorpus {

    /** The endpoint under attack. */
    protected abstract String path();

    protected abstract String contentType();

    /** A valid request to the endpoint, checked to be answered as usual. */
    protected abstract void assertStillAnswers();

    /** The service warms itself up before it reports ready; the bound is about the bodies, not a cold JVM. */
    @BeforeEach
    void awaitWarm() {
        // No poll delay: Awaitility otherwise waits one poll interval (100 ms) before its first look, on every case.
        await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void shouldRefuseQuicklyWithAProblem(String name, byte[] body) {
        Hostile.assertRefused(path(), contentType(), body);
    }

    @AfterEach
    void serviceStillAnswers() {
        assertStillAnswers();
    }
}
