package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.triage.facts.LabResults;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.SymptomBuilder;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.SymptomStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.triageapi.http.SafeText.quoteIfCode;

/** Validates a triage request against the catalog (codes, duplicates) and maps it onto rule facts, ignoring modifiers that do not apply. */
@Singleton
public final class RequestMapper {

    /** The most symptoms the v1 contract allows in one request. */
    public static final int CONTRACT_MAX_SYMPTOMS = 50;

    private final Catalog catalog;
    private final int maxSymptoms;

    @Inject
    RequestMapper(Catalog catalog, TriageConfig config) {
        this(catalog, config.api().maxSymptoms());
    }

    public RequestMapper(Catalog catalog, int maxSymptoms) {
        this.catalog = catalog;
        this.maxSymptoms = maxSymptoms;
    }

    /** A request as rule facts, with what of it was accepted but not used (a modifier its symptom does not take). */
    public record Mapped(TriageCase triageCase, List<UnusedInput> ignored) {
    }

    /** Checks the request against the catalog and turns it into facts; throws {@link InvalidRequestException} listing every problem. */
    public TriageCase toCase(TriageRequest request) {
        return map(request).triageCase();
    }

    /**
     * Checks the request against the catalog and turns it into facts, listing what it ignored; throws
     * {@link InvalidRequestException} listing every problem. A modifier that does not apply to its symptom (an onset on
     * a head injury, a severity on morning stiffness, as real intakes send them) is ignored and listed, never a reason
     * to refuse the whole triage: the rules never read it, so ignoring it changes no answer.
     */
    public Mapped map(TriageRequest request) {
        if (request.symptoms().size() > maxSymptoms) {
            throw new InvalidRequestException(List.of(new FieldError("symptoms",
                    "at most " + maxSymptoms + " symptoms may be reported in one request")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<UnusedInput> ignored = new ArrayList<>();
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
            anyNotAbsent |= report.status() != SymptomStatus.ABSENT;
            SymptomBuilder symptom = Symptom.builder(report.code()).status(report.status());
            for (Modifier modifier : Modifier.values()) {
                Object value = report.modifier(modifier);
                boolean given = value != null && !(value instanceof List<?> list && list.isEmpty());
                if (given && !definition.modifiers().contains(modifier.code())) {
                    ignored.add(new UnusedInput(field + "." + modifier.code(), "'" + modifier.code() + "' does not apply to symptom '"
                            + definition.code() + "', which takes " + takes(definition) + ": ignored"));
                    continue;
                }
                symptom.set(modifier, value);
            }
            symptoms.add(symptom.build());
        }
        if (errors.isEmpty() && !anyNotAbsent) {
            errors.add(new FieldError("symptoms", "at least one symptom must be present or unknown; every reported symptom is absent"));
        }
        List<RiskFactor> riskFactors = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (String code : riskFactorCodes("riskFactors", request.riskFactors(), present, Set.of(), errors)) {
            riskFactors.add(new RiskFactor(code));
        }
        List<RiskFactorAbsent> absent = new ArrayList<>();
        for (String code : riskFactorCodes("absentRiskFactors", request.absentRiskFactors(), new HashSet<>(), present, errors)) {
            absent.add(new RiskFactorAbsent(code));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Mapped(new TriageCase(new Patient(request.age(), request.sex(), request.underTreatment(), request.pregnancy()),
                symptoms, riskFactors, absent, vitals(request.vitals()), labs(request.labs())), ignored.isEmpty() ? List.of() : List.copyOf(ignored));
    }

    /** Refuses a case that holds more symptoms than a request may report (answers can add symptoms), naming {@code field}. */
    public void checkSize(TriageCase triageCase, String field) {
        if (triageCase.symptoms().size() > maxSymptoms) {
            throw new InvalidRequestException(List.of(new FieldError(field,
                    "with the answers, the case would hold more than " + maxSymptoms + " symptoms")));
        }
    }

    /** The known, distinct codes of one risk factor list; a code also in {@code other} is refused (present and absent). */
    private List<String> riskFactorCodes(String field, List<String> codes, Set<String> seen, Set<String> other,
                                         List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        List<String> given = codes == null ? List.of() : codes;
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            String path = field + "[" + i + "]";
            if (!catalog.isRiskFactor(code)) {
                errors.add(new FieldError(path, "unknown risk factor code" + quoteIfCode(code) + "; see GET /api/v1/risk-factors"));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(path, "risk factor '" + code + "' is listed more than once"));
            } else if (other.contains(code)) {
                errors.add(new FieldError(path, "risk factor '" + code + "' is also listed in riskFactors; it is either present or absent"));
            } else {
                out.add(code);
            }
        }
        return out;
    }

    private static LabResults labs(LabResults labs) {
        return labs == null || labs.noneGiven() ? null : labs;
    }

    private static VitalSigns vitals(VitalSigns v) {
        return v == null || v.noneMeasured() ? null : v;
    }

    private static String takes(SymptomDefinition definition) {
        return definition.modifiers().isEmpty() ? "no modifier" : String.join(", ", definition.modifiers());
    }
}
