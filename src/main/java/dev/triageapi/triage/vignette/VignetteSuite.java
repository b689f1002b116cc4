package dev.triageapi.triage.vignette;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.rules.ResourceFolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** The request of every vignette, by its path, in path order. */
    public Map<String, TriageRequest> requests() {
        Map<String, TriageRequest> out = new TreeMap<>();
        vignettes.forEach((path, vignette) -> out.put(path, request(vignette)));
        return out;
    }

    /** {@code count} of the items, evenly spaced from the first (all of them when there are not more). */
    public static <T> List<T> spread(List<T> items, int count) {
        if (count >= items.size()) {
            return items;
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(items.get((int) ((long) i * items.size() / count)));
        }
        return out;
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
