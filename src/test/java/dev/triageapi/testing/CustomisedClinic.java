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
        return Map.ofEntries(
                Map.entry("triage.security.api-keys", FIRST_KEY + "," + SECOND_KEY),
                Map.entry("quarkus.http.cors.enabled", "true"),
                Map.entry("quarkus.http.cors.origins", ORIGIN),
                Map.entry("triage.emergency-number", "112"),
                Map.entry("triage.api.reject-unknown-fields", "true"),
                Map.entry("triage.api.max-symptoms", "3"),
                Map.entry("triage.rules.dir", RULES.toString()),
                Map.entry("triage.rules.reload-interval", "200ms"),
                // A sample too: every vignette is checked by InterviewPremisesGateTest, and each swap here pays for it.
                Map.entry("triage.rules.premise-vignettes", "4"),
                // A small sample keeps start-up quick: what is tested is the order (warm first, then ready).
                Map.entry("triage.warm-up.enabled", "true"),
                Map.entry("triage.warm-up.vignettes", "8"));
    }

    private static Path copyOfRules() {
        try {
            return Folders.copy(Path.of("rules"), Files.createTempDirectory("clinic-rules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
