package dev.triageapi.triage.vignette;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.rules.ResourceFolder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clinical vignettes bundled with the application (the fixtures under {@code src/test/resources/vignettes/}).
 * The build runs them against the bundled rules; a hot reload runs them against a candidate rule set before it is
 * allowed to answer patients.
 */
public final class VignetteSuite {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Map<String, Vignette> vignettes;

    VignetteSuite(Map<String, Vignette> vignettes) {
        this.vignettes = Map.copyOf(vignettes);
    }

    /** Reads every vignette bundled on the class path. */
    public static VignetteSuite bundled() {
        Map<String, Vignette> read = new LinkedHashMap<>();
        ResourceFolder.onClasspath(VignetteSuite.class.getClassLoader(), "vignettes", ".json")
                .forEach((path, text) -> read.put(path, parse(path, text)));
        return new VignetteSuite(read);
    }

    public static Vignette parse(String path, String text) {
        try {
            return JSON.readValue(text, Vignette.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("vignette " + path + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public static TriageRequest request(Vignette vignette) {
        try {
            return JSON.treeToValue(vignette.request(), TriageRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("vignette \"" + vignette.name() + "\" has an invalid request: " + e.getOriginalMessage(), e);
        }
    }

    /** The request of every vignette as JSON text, in path order. */
    public List<String> requestBodies() {
        return vignettes.values().stream().map(v -> v.request().toString()).toList();
    }

    public int size() {
        return vignettes.size();
    }

    /** Every vignette the rule set gets wrong, with what is wrong; empty when all pass. */
    public Map<String, List<String>> failures(RuleSet rules, TriageEngine engine, RequestMapper requests) {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        vignettes.forEach((path, vignette) -> {
            List<String> problems = vignette.problems(engine.assess(rules, requests.toCase(request(vignette))));
            if (!problems.isEmpty()) {
                failures.put(path, problems);
            }
        });
        return failures;
    }
}
