package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.observability.AccessLog;
import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.api.TriageResponse.CauseGroupView;
import dev.triageapi.triage.api.TriageResponse.ConditionView;
import dev.triageapi.triage.api.TriageResponse.FollowUpQuestion;
import dev.triageapi.triage.api.TriageResponse.RedFlagView;
import dev.triageapi.triage.api.TriageResponse.TraceEntry;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.rules.RulesRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one path every intake takes, whichever door it came in by (JSON, FHIR, CDS Hooks): validate (method
 * validation on {@link #triage}), map onto the catalog, assess with the current rules, write the answer, and leave
 * the urgency for the access log and the metrics of the request being served.
 */
@ApplicationScoped
public class TriageService {

    private final Catalog catalog;
    private final RulesRegistry rules;
    private final TriageEngine engine;
    private final RequestMapper requests;
    private final CurrentVertxRequest http;
    private final Map<Urgency, String> advice = new EnumMap<>(Urgency.class);
    private final String disclaimer;

    TriageService(Catalog catalog, RulesRegistry rules, TriageEngine engine, RequestMapper requests,
                  CurrentVertxRequest http, TriageConfig config) {
        this.catalog = catalog;
        this.rules = rules;
        this.engine = engine;
        this.requests = requests;
        this.http = http;
        for (Urgency level : Urgency.values()) {
            advice.put(level, catalog.urgencyLevel(level).advice().replace("{emergencyNumber}", config.emergencyNumber()));
        }
        this.disclaimer = Disclaimer.text(config.emergencyNumber());
    }

    /** Triages a request; a request that breaks the contract is a {@link jakarta.validation.ConstraintViolationException} (400). */
    public TriageResponse triage(@Valid @NotNull TriageRequest request) {
        TriageCase triageCase = requests.toCase(request);
        RuleSet ruleSet = rules.current().orElseThrow(() -> new IllegalStateException("rules not loaded"));
        TriageResponse answer = toResponse(engine.assess(ruleSet, triageCase));
        RoutingContext current = http.getCurrent();
        if (current != null) {
            current.put(AccessLog.URGENCY, answer.urgency().code());
        }
        return answer;
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
