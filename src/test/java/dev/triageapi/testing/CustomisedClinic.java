package dev.triageapi.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A clinic that changed what the service lets it change: the EU emergency number, strict unknown-field handling and
 * a lower symptom limit. One profile for every test of customisation, so Quarkus builds the application once for them.
 */
public class CustomisedClinic implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("triage.emergency-number", "112",
                "triage.api.reject-unknown-fields", "true",
                "triage.api.max-symptoms", "3");
    }
}
