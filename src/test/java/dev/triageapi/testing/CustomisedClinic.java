package dev.triageapi.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A clinic that changed everything the service lets it change: two API keys (as when rotating them), CORS for one
 * browser intake app, the EU emergency number, strict unknown-field handling, a lower symptom limit, its own rule
 * folder watched for edits, and warm-up before readiness.
 *
 * <p>One profile for every test of a clinic's settings: Quarkus builds the application once per test profile, several
 * seconds each, so settings that do not get in each other's way share one.
 */
public class CustomisedClinic implements QuarkusTestProfile {

    public static final String FIRST_KEY = "first-key-0123456789";
    public static final String SECOND_KEY = "second-key-9876543210";
    public static final String ORIGIN = "https://intake.example.org";
    /** A copy of {@code rules/} the clinic's service reads and watches; the reload tests edit it. */
    public static final Path RULES = copyOfRules();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "triage.security.api-keys", FIRST_KEY + "," + SECOND_KEY,
                "quarkus.http.cors.enabled", "true",
                "quarkus.http.cors.origins", ORIGIN,
                "triage.emergency-number", "112",
                "triage.api.reject-unknown-fields", "true",
                "triage.api.max-symptoms", "3",
                "triage.rules.dir", RULES.toString(),
                "triage.rules.reload-interval", "200ms",
                // A small sample keeps start-up quick: what is tested is the order (warm first, then ready).
                "triage.warm-up.enabled", "true",
                "triage.warm-up.vignettes", "8");
    }

    private static Path copyOfRules() {
        try {
            return Folders.copy(Path.of("rules"), Files.createTempDirectory("clinic-rules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
