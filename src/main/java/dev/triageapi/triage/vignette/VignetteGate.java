package dev.triageapi.triage.vignette;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.rules.RuleSetGate;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A changed rule set must answer every bundled vignette as the vignette expects before it may serve. */
@Singleton
@Priority(100) // one evaluation a vignette: before the costlier gates
public class VignetteGate implements RuleSetGate {

    private final TriageEngine engine;
    private final RequestMapper requests;

    VignetteGate(TriageEngine engine, Catalog catalog) {
        this.engine = engine;
        this.requests = new RequestMapper(catalog, RequestMapper.CONTRACT_MAX_SYMPTOMS);
    }

    @Override
    public List<String> problems(RuleSet candidate) {
        List<String> problems = new ArrayList<>();
        try {
            Map<String, List<String>> failures = VignetteSuite.bundled().failures(candidate, engine, requests);
            failures.forEach((vignette, wrong) -> problems.add("vignette " + vignette + ": " + String.join("; ", wrong)));
        } catch (RuntimeException e) {
            problems.add("the vignettes could not run against these rules: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return problems;
    }
}
