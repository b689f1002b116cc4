package dev.triageapi.triage.vignette;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.interview.InterviewPremises;
import dev.triageapi.triage.interview.Interviewer;
import dev.triageapi.triage.rules.RuleSetGate;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A changed rule set must keep, on every bundled vignette, what the interview takes rules to do
 * ({@link InterviewPremises}): otherwise the interview would stop asking a question that could raise the level.
 */
@Singleton
@Priority(10) // tens of evaluations a vignette: after the cheaper gates
public class InterviewPremisesGate implements RuleSetGate {

    /** Problems reported at most: one broken premise usually shows on many vignettes, and the first say which. */
    static final int MAX_PROBLEMS = 20;

    /** Vignettes checked together. */
    private static final int BATCH = 32;

    /** Vignettes checked with their age left out as well. */
    static final int AGELESS = 24;

    private final InterviewPremises premises;
    private final RequestMapper requests;
    private final int vignettes;

    @Inject
    InterviewPremisesGate(Catalog catalog, Interviewer interviewer, TriageEngine engine, TriageConfig config) {
        this(catalog, interviewer, engine, config.rules().premiseVignettes().orElse(Integer.MAX_VALUE));
    }

    InterviewPremisesGate(Catalog catalog, Interviewer interviewer, TriageEngine engine, int vignettes) {
        this.premises = new InterviewPremises(catalog, interviewer.plan(), engine);
        this.requests = new RequestMapper(catalog, RequestMapper.CONTRACT_MAX_SYMPTOMS);
        this.vignettes = vignettes;
    }

    @Override
    public List<String> problems(RuleSet candidate) {
        List<String> problems = new ArrayList<>();
        try {
            // Tens of evaluations a vignette: a batch at a time spread over the cores, the results in vignette order,
            // and no further batch once the problems to list are found.
            List<Map.Entry<String, TriageRequest>> vignettes = VignetteSuite.spread(
                    List.copyOf(VignetteSuite.bundled().requests().entrySet()), this.vignettes);
            for (int from = 0; from < vignettes.size() && problems.size() <= MAX_PROBLEMS; from += BATCH) {
                vignettes.subList(from, Math.min(from + BATCH, vignettes.size())).parallelStream()
                        .map(v -> premises.broken(candidate, requests.toCase(v.getValue())).stream()
                                .map(broken -> "vignette " + v.getKey() + ": " + broken).toList())
                        .toList()
                        .forEach(problems::addAll);
            }
            // The age question is open only where the age is not given, which few vignettes leave out; every age is
            // evaluated, so a sample of the others is checked with their age left out.
            if (problems.size() <= MAX_PROBLEMS) {
                VignetteSuite.spread(vignettes, AGELESS).parallelStream()
                        .map(v -> premises.brokenWithoutTheAge(candidate, requests.toCase(v.getValue())).stream()
                                .map(broken -> "vignette " + v.getKey() + " without its age: " + broken).toList())
                        .toList()
                        .forEach(problems::addAll);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // A rule that throws, or recurses without end, on some case: the rules are refused, and that is said first.
            problems.add(0, "the interview's premises could not be checked on these rules: " + e.getClass().getSimpleName()
                    + ": " + e.getMessage());
        }
        if (problems.size() > MAX_PROBLEMS) {
            int more = problems.size() - MAX_PROBLEMS;
            problems.subList(MAX_PROBLEMS, problems.size()).clear();
            problems.add("and " + more + " more found before the check stopped");
        }
        return problems;
    }
}
