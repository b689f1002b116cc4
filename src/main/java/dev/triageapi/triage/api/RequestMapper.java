package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.http.FieldWording;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.Wording;
import dev.triageapi.triage.facts.LabResults;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.SymptomBuilder;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Language;
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
        return map(request, Language.EN).triageCase();
    }

    /**
     * Checks the request against the catalog and turns it into facts, listing what it ignored; throws
     * {@link InvalidRequestException} listing every problem. A modifier that does not apply to its symptom (an onset on
     * a head injury, a severity on morning stiffness, as real intakes send them) is ignored and listed, never a reason
     * to refuse the whole triage: the rules never read it, so ignoring it changes no answer.
     */
    public Mapped map(TriageRequest request, Language language) {
        if (request.symptoms().size() > maxSymptoms) {
            throw new InvalidRequestException(List.of(FieldWording.of("symptoms", "field.too-many-symptoms", maxSymptoms)));
        }
        List<FieldWording> errors = new ArrayList<>();
        List<UnusedInput> ignored = new ArrayList<>();
        List<Symptom> symptoms = new ArrayList<>(request.symptoms().size());
        Map<String, Integer> seen = new HashMap<>();
        boolean anyNotAbsent = false;
        for (int i = 0; i < request.symptoms().size(); i++) {
            SymptomReport report = request.symptoms().get(i);
            String field = "symptoms[" + i + "]";
            SymptomDefinition definition = catalog.symptom(report.code()).orElse(null);
            if (definition == null) {
                errors.add(FieldWording.of(field + ".code", "field.unknown-symptom", quoteIfCode(report.code())));
                continue;
            }
            Integer first = seen.putIfAbsent(report.code(), i);
            if (first != null) {
                errors.add(FieldWording.of(field + ".code", "field.symptom-twice", report.code(), first));
                continue;
            }
            anyNotAbsent |= report.status() != SymptomStatus.ABSENT;
            SymptomBuilder symptom = Symptom.builder(report.code()).status(report.status());
            for (Modifier modifier : Modifier.values()) {
                Object value = report.modifier(modifier);
                boolean given = value != null && !(value instanceof List<?> list && list.isEmpty());
                if (given && !definition.modifiers().contains(modifier.code())) {
                    ignored.add(new UnusedInput(field + "." + modifier.code(), Wording.of("unused.not-applicable", modifier.code(),
                            definition.code(), takes(definition, language)).in(language)));
                    continue;
                }
                symptom.set(modifier, value);
            }
            symptoms.add(symptom.build());
        }
        if (errors.isEmpty() && !anyNotAbsent) {
            errors.add(FieldWording.of("symptoms", "field.all-absent"));
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
            throw new InvalidRequestException(List.of(FieldWording.of(field, "field.case-too-large", maxSymptoms)));
        }
    }

    /** The known, distinct codes of one risk factor list; a code also in {@code other} is refused (present and absent). */
    private List<String> riskFactorCodes(String field, List<String> codes, Set<String> seen, Set<String> other,
                                         List<FieldWording> errors) {
        List<String> out = new ArrayList<>();
        List<String> given = codes == null ? List.of() : codes;
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            String path = field + "[" + i + "]";
            if (!catalog.isRiskFactor(code)) {
                errors.add(FieldWording.of(path, "field.unknown-risk-factor", quoteIfCode(code)));
            } else if (!seen.add(code)) {
                errors.add(FieldWording.of(path, "field.risk-factor-twice", code));
            } else if (other.contains(code)) {
                errors.add(FieldWording.of(path, "field.risk-factor-both", code));
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

    private static String takes(SymptomDefinition definition, Language language) {
        return definition.modifiers().isEmpty() ? Wording.of("unused.no-modifier").in(language) : String.join(", ", definition.modifiers());
    }
}
