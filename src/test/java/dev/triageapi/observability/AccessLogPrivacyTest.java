package dev.triageapi.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captures everything the service logs while it answers, and checks no symptom, age or body ends up there. */
@QuarkusTest
class AccessLogPrivacyTest {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null && record.getParameters().length > 0) {
                message = message + " " + java.util.Arrays.toString(record.getParameters());
            }
            String requestId = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getMdc("requestId") : null;
            lines.add(record.getLoggerName() + " " + message + (record.getThrown() == null ? "" : " " + record.getThrown())
                    + (requestId == null ? "" : " mdc.requestId=" + requestId));
        }

        @Override public void flush() { }
        @Override public void close() { }
    };

    @BeforeEach
    void capture() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void shouldLogOneLinePerRequestWithoutPatientData() throws InterruptedException {
        String id = "00000000-0000-4000-8000-000000000001";
        given().header("X-Request-Id", id).contentType(ContentType.JSON)
                .body("{\"age\": 87, \"symptoms\": [{\"code\": \"salt_craving\"}, {\"code\": \"darkened_skin\"}, "
                        + "{\"code\": \"vomiting\"}], \"riskFactors\": [\"alcohol_use\"]}")
                .when().post("/api/v1/triage").then().statusCode(200);
        given().header("X-Request-Id", "00000000-0000-4000-8000-000000000002").contentType(ContentType.JSON)
                .body("{\"age\": 87, \"symptoms\": [{\"code\": \"tremor\", \"onset\": \"quickly\"}]}")
                .when().post("/api/v1/triage").then().statusCode(400);
        given().header("X-Request-Id", "00000000-0000-4000-8000-000000000004").contentType(ContentType.JSON)
                .body("{\"text\": \"I am 87 and my zanzibarian elbow twitches, no palpitations\"}")
                .when().post("/api/v1/parse").then().statusCode(200);
        given().header("X-Request-Id", "00000000-0000-4000-8000-000000000005").contentType(ContentType.JSON)
                .body("{\"text\": \"quixotic vertigo since breakfast\", \"age\": 87}")
                .when().post("/api/v1/triage").then().statusCode(200);
        given().header("X-Request-Id", "00000000-0000-4000-8000-000000000006").contentType(ContentType.JSON)
                .body("{\"text\": \"mareos desde ayer\\u0007\"}").when().post("/api/v1/parse").then().statusCode(400);
        given().header("X-Request-Id", "00000000-0000-4000-8000-000000000003").contentType(ContentType.JSON)
                .body("{\"symptoms\": [{\"code\": \"bone_pain\"").when().post("/api/v1/triage").then().statusCode(400);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(l -> l.contains("00000000-0000-4000-8000-000000000003")));
        String access = lines.stream().filter(l -> l.contains(id)).findFirst().orElse("");
        assertTrue(access.contains("status=200") || access.contains("200"), lines.toString());
        assertTrue(access.contains("emergency"), "the urgency is logged: " + access);
        assertTrue(access.contains("mdc.requestId=" + id), "the request id is in the MDC for JSON logs: " + access);
        assertTrue(lines.stream().anyMatch(l -> l.contains("00000000-0000-4000-8000-000000000002") && l.contains("400")), lines.toString());
        for (String forbidden : List.of("salt_craving", "darkened_skin", "vomiting", "alcohol_use", "tremor", "quickly",
                "bone_pain", "87", "zanzibarian", "elbow", "twitch", "palpitations", "quixotic", "vertigo", "breakfast",
                "mareos")) {
            assertFalse(lines.stream().anyMatch(l -> l.contains(forbidden)), forbidden + " was logged: " + lines);
        }
    }
}
