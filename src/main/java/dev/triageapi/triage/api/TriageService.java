package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.common.FieldError;
import dev.triageapi.common.InvalidRequestException;
import dev.triageapi.triage.SymptomStatus;
import dev.triageapi.triage.TriageConfig;
import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.api.TriageResponse.CauseGroupView;
import dev.triageapi.triage.api.TriageResponse.ConditionView;
import dev.triageapi.triage.api.TriageResponse.FollowUpQuestion;
import dev.triageapi.triage.api.TriageResponse.RedFlagView;
import dev.triageapi.triage.api.TriageResponse.TraceEntry;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.Patient;
import dev.triageapi.triage.engine.RiskFactor;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.RulesRegistry;
import dev.triageapi.triage.engine.Symptom;
import dev.triageapi.triage.engine.TriageCase;
import dev.triageapi.triage.engine.TriageEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.triageapi.common.SafeText.quoteIfCode;

/** Checks a request against the catalog, runs it through the current rules and writes the answer. */
@ApplicationScoped
public class TriageService {

    private final Catalog catalog;
    private final RulesRegistry rules;
    private final TriageEngine engine;
    private final Map<Urgency, String> advice = new EnumMap<>(Urgency.class);
    private final String disclaimer;

    TriageService(Catalog catalog, RulesRegistry rules, TriageConfig config) {
        this.catalog = catalog;
        this.rules = rules;
        this.engine = new TriageEngine(catalog);
        for (Urgency level : Urgency.values()) {
            advice.put(level, catalog.urgencyLevel(level).advice().replace("{emergencyNumber}", config.emergencyNumber()));
        }
        this.disclaimer = Disclaimer.text(config.emergencyNumber());
    }

    public TriageResponse triage(TriageRequest request) {
        TriageCase triageCase = toCase(request);
        RuleSet ruleSet = rules.current().orElseThrow(() -> new IllegalStateException("rules not loaded"));
        return toResponse(engine.assess(ruleSet, triageCase));
    }

    TriageCase toCase(TriageRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<Symptom> symptoms = new ArrayList<>(request.symptoms().size());
        Map<String, Integer> seen = new HashMap<>();
        boolean anyNotAbsent = false;
        for (int i = 0; i < request.symptoms().size(); i++) {
            SymptomReport report = request.symptoms().get(i);
            String field = "symptoms[" + i + "]";
            SymptomDefinition definition = catalog.symptom(report.code()).orElse(null);
            if (definition == null) {
                errors.add(new FieldError(field + ".code",
                        "unknown symptom code" + quoteIfCode(report.code()) + "; see GET /api/v1/symptoms"));
                continue;
            }
            Integer first = seen.putIfAbsent(report.code(), i);
            if (first != null) {
                errors.add(new FieldError(field + ".code", "symptom '" + report.code()
                        + "' is already reported at symptoms[" + first + "]; report each symptom once"));
                continue;
            }
            checkModifiers(definition, report, field, errors);
            anyNotAbsent |= report.status() != SymptomStatus.ABSENT;
            symptoms.add(new Symptom(report.code(), report.status(), report.onset(), report.side(), report.severity(),
                    report.locations() == null ? null : new HashSet<>(report.locations()),
                    report.hoursSinceOnset(), report.knownTrigger(), report.worsening(), report.recurring()));
        }
        if (errors.isEmpty() && !anyNotAbsent) {
            errors.add(new FieldError("symptoms", "at least one symptom must be present or unknown; every reported symptom is absent"));
        }
        List<RiskFactor> riskFactors = new ArrayList<>();
        List<String> codes = request.riskFactors() == null ? List.of() : request.riskFactors();
        Set<String> seenFactors = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!catalog.isRiskFactor(code)) {
                errors.add(new FieldError("riskFactors[" + i + "]",
                        "unknown risk factor code" + quoteIfCode(code) + "; see GET /api/v1/risk-factors"));
            } else if (!seenFactors.add(code)) {
                errors.add(new FieldError("riskFactors[" + i + "]", "risk factor '" + code + "' is listed more than once"));
            } else {
                riskFactors.add(new RiskFactor(code));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new TriageCase(new Patient(request.age(), request.sex(), request.underTreatment()), symptoms, riskFactors);
    }

    private static void checkModifiers(SymptomDefinition definition, SymptomReport report, String field, List<FieldError> errors) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("onset", report.onset());
        given.put("side", report.side());
        given.put("locations", report.locations() == null || report.locations().isEmpty() ? null : report.locations());
        given.put("severity", report.severity());
        given.put("hoursSinceOnset", report.hoursSinceOnset());
        given.put("knownTrigger", report.knownTrigger());
        given.put("worsening", report.worsening());
        given.put("recurring", report.recurring());
        given.forEach((modifier, value) -> {
            if (value != null && !definition.modifiers().contains(modifier)) {
                errors.add(new FieldError(field + "." + modifier, "'" + modifier + "' does not apply to symptom '"
                        + definition.code() + "'; it accepts " + String.join(", ", definition.modifiers())));
            }
        });
    }

    TriageResponse toResponse(Assessment a) {
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
