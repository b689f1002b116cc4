package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.common.ApiConfig;
import dev.triageapi.triage.TriageConfig;
import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.api.TriageResponse.CauseGroupView;
import dev.triageapi.triage.api.TriageResponse.ConditionView;
import dev.triageapi.triage.api.TriageResponse.FollowUpQuestion;
import dev.triageapi.triage.api.TriageResponse.RedFlagView;
import dev.triageapi.triage.api.TriageResponse.TraceEntry;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.RulesRegistry;
import dev.triageapi.triage.engine.TriageCase;
import dev.triageapi.triage.engine.TriageEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Checks a request against the catalog, runs it through the current rules and writes the answer. */
@ApplicationScoped
public class TriageService {

    private final Catalog catalog;
    private final RulesRegistry rules;
    private final TriageEngine engine;
    private final RequestMapper requests;
    private final Validator validator;
    private final Map<Urgency, String> advice = new EnumMap<>(Urgency.class);
    private final String disclaimer;

    TriageService(Catalog catalog, RulesRegistry rules, TriageConfig config, ApiConfig api, Validator validator) {
        this.validator = validator;
        this.catalog = catalog;
        this.rules = rules;
        this.engine = new TriageEngine(catalog);
        this.requests = new RequestMapper(catalog, api.maxSymptoms());
        for (Urgency level : Urgency.values()) {
            advice.put(level, catalog.urgencyLevel(level).advice().replace("{emergencyNumber}", config.emergencyNumber()));
        }
        this.disclaimer = Disclaimer.text(config.emergencyNumber());
    }

    /** Triage of a request that did not pass through JAX-RS validation (FHIR and CDS Hooks intake). */
    public TriageResponse validateAndTriage(TriageRequest request) {
        Set<ConstraintViolation<TriageRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return triage(request);
    }

    public TriageResponse triage(TriageRequest request) {
        TriageCase triageCase = requests.toCase(request);
        RuleSet ruleSet = rules.current().orElseThrow(() -> new IllegalStateException("rules not loaded"));
        return toResponse(engine.assess(ruleSet, triageCase));
    }

    private TriageResponse toResponse(Assessment a) {
        return new TriageResponse(
                a.urgency(),
                advice.get(a.urgency()),
                a.redFlags().stream().map(f -> new RedFlagView(f.definition().code(), f.definition().label(),
                        f.definition().urgency(), f.definition().source(), f.evidence())).toList(),
                a.reasons(),
                a.causeGroups().stream().map(g -> new CauseGroupView(g.group().code(), g.group().label(),
                        g.conditions().stream().map(c -> new ConditionView(c.condition().code(), c.condition().name(),
                                c.condition().serious(), c.evidence())).toList(),
                        g.evidence())).toList(),
                a.followUps().stream().map(q -> new FollowUpQuestion(q.symptom(), q.modifier(), q.value(),
                        q.couldRaiseTo(), Objects.requireNonNullElseGet(q.question(),
                        () -> catalog.symptom(q.symptom()).map(SymptomDefinition::question).orElse("")))).toList(),
                a.trace().stream().map(f -> new TraceEntry(f.rule().name(), f.rule().file(), f.rule().line(),
                        f.rule().source(), f.matched(), f.rule().equals(a.decidedBy()))).toList(),
                a.rulesVersion(),
                disclaimer);
    }
}
