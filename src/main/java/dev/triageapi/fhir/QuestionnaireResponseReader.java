package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Consciousness;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.triageapi.fhir.FhirValues.bool;
import static dev.triageapi.fhir.FhirValues.code;
import static dev.triageapi.fhir.FhirValues.number;
import static dev.triageapi.fhir.FhirValues.safe;
import static dev.triageapi.fhir.FhirValues.whole;
import static dev.triageapi.fhir.FhirValues.years;

/**
 * A QuestionnaireResponse to the intake Questionnaire as a triage request: age, sex, pregnancy, whether under
 * treatment, each symptom with its modifiers, the risk factors (answered no: asked and denied), and the vital signs,
 * keeping where each vital sign was read so that an error names its item.
 */
final class QuestionnaireResponseReader {

    private final Catalog catalog;
    private final SymptomReports reports;

    QuestionnaireResponseReader(Catalog catalog, SymptomReports reports) {
        this.catalog = catalog;
        this.reports = reports;
    }

    FhirIntake read(QuestionnaireResponse response) {
        if (response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
            throw new InvalidRequestException(List.of(new FieldError("status",
                    "is entered-in-error: answers recorded in error are not triaged")));
        }
        if (response.hasQuestionnaire() && !isIntakeQuestionnaire(response.getQuestionnaire())) {
            throw new InvalidRequestException(List.of(new FieldError("questionnaire",
                    "names another questionnaire; answers are read only against " + FhirCodes.QUESTIONNAIRE_URL)));
        }
        List<FieldError> errors = new ArrayList<>();
        List<UnusedInput> unused = new ArrayList<>();
        Integer age = null;
        Sex sex = null;
        Boolean underTreatment = null;
        Pregnancy pregnancy = null;
        List<SymptomReport> symptoms = new ArrayList<>();
        List<String> riskFactors = new ArrayList<>();
        List<String> absentRiskFactors = new ArrayList<>();
        VitalSigns vitals = null;
        Map<String, String> sources = new HashMap<>();
        for (QuestionnaireResponseItemComponent item : response.getItem()) {
            if (!item.hasLinkId()) {
                errors.add(new FieldError("item", "every item needs a linkId"));
                continue;
            }
            String path = "item[" + item.getLinkId() + "]";
            Type answer = item.hasAnswer() ? item.getAnswerFirstRep().getValue() : null;
            switch (item.getLinkId()) {
                case "age" -> age = answer == null ? null : years(answer, path, errors);
                case "sex" -> sex = answer == null ? null : code(answer, Sex.values(), Sex::code, path, errors);
                case "underTreatment" -> underTreatment = answer == null ? null : bool(answer, path, errors);
                case "pregnancy" -> pregnancy = answer == null ? null : code(answer, Pregnancy.values(), Pregnancy::code, path, errors);
                case "symptoms" -> item.getItem().forEach(s -> {
                    if (s.hasLinkId() && catalog.symptom(s.getLinkId()).isEmpty()) {
                        unused.add(new UnusedInput(itemPath("item[symptoms]", s), "not a symptom of the intake Questionnaire"));
                    } else {
                        symptom(s, "item[symptoms]." + "item[" + s.getLinkId() + "]", symptoms, errors, unused);
                    }
                });
                case "riskFactors" -> item.getItem().forEach(r -> {
                    if (!r.hasLinkId()) {
                        errors.add(new FieldError("item[riskFactors].item", "every item needs a linkId"));
                        return;
                    }
                    if (!catalog.isRiskFactor(r.getLinkId())) {
                        unused.add(new UnusedInput(itemPath("item[riskFactors]", r), "not a risk factor of the intake Questionnaire"));
                        return;
                    }
                    Type value = r.hasAnswer() ? r.getAnswerFirstRep().getValue() : null;
                    Boolean has = value == null ? null : bool(value, "item[riskFactors].item[" + r.getLinkId() + "]", errors);
                    if (Boolean.TRUE.equals(has)) {
                        riskFactors.add(r.getLinkId());
                    } else if (Boolean.FALSE.equals(has)) {
                        absentRiskFactors.add(r.getLinkId()); // asked and denied; unanswered stays unknown
                    }
                });
                case "vitals" -> vitals = vitals(item, errors, unused, sources);
                default -> unused.add(new UnusedInput(itemPath(null, item), item.hasAnswer()
                        ? "not an item of the intake Questionnaire" : "a display or group item with no answer"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String subject = response.hasSubject() ? FhirIntakeMapper.literal(response.getSubject().getReference()) : null;
        String self = response.getIdElement().hasIdPart() ? FhirIntakeMapper.literal("QuestionnaireResponse/" + response.getIdElement().getIdPart()) : null;
        return new FhirIntake(new TriageRequest(age, sex, symptoms, riskFactors, absentRiskFactors, underTreatment, pregnancy, vitals),
                unused, List.of(),
                self == null ? List.of() : List.of(self), subject, Map.copyOf(sources));
    }

    /** The answers of the Questionnaire's vital signs group. */
    private static VitalSigns vitals(QuestionnaireResponseItemComponent group, List<FieldError> errors, List<UnusedInput> unused,
                                       Map<String, String> sources) {
        Map<String, Type> answers = new LinkedHashMap<>();
        for (QuestionnaireResponseItemComponent item : group.getItem()) {
            if (!item.hasLinkId()) {
                errors.add(new FieldError("item[vitals].item", "every item needs a linkId"));
            } else if (!QuestionnaireFactory.VITALS.contains(item.getLinkId())) {
                unused.add(new UnusedInput(itemPath("item[vitals]", item), "not a vital sign of the intake Questionnaire"));
            } else if (item.hasAnswer()) {
                answers.put(item.getLinkId(), item.getAnswerFirstRep().getValue());
                sources.put("vitals." + item.getLinkId(), "item[vitals].item[" + item.getLinkId() + "]");
            }
        }
        String p = "item[vitals].item[";
        Type consciousness = answers.get("consciousness");
        VitalSigns report = new VitalSigns(whole(answers.get("respiratoryRate"), p + "respiratoryRate]", errors),
                whole(answers.get("oxygenSaturation"), p + "oxygenSaturation]", errors),
                answers.containsKey("onSupplementalOxygen") ? bool(answers.get("onSupplementalOxygen"), p + "onSupplementalOxygen]", errors) : null,
                whole(answers.get("systolicBloodPressure"), p + "systolicBloodPressure]", errors),
                whole(answers.get("heartRate"), p + "heartRate]", errors),
                number(answers.get("temperature"), p + "temperature]", errors),
                consciousness == null ? null : code(consciousness, Consciousness.values(), Consciousness::code, p + "consciousness]", errors),
                number(answers.get("bloodGlucose"), p + "bloodGlucose]", errors));
        return report.noneMeasured() ? null : report;
    }


    /** The intake Questionnaire's canonical URL, with or without a {@code |version}. */
    private static boolean isIntakeQuestionnaire(String canonical) {
        String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
        return FhirCodes.QUESTIONNAIRE_URL.equals(url) || url.endsWith("Questionnaire/" + FhirCodes.QUESTIONNAIRE_ID);
    }

    private static String itemPath(String parent, QuestionnaireResponseItemComponent item) {
        String own = "item[" + safe(item.getLinkId()) + "]";
        String path = parent == null ? own : parent + "." + own;
        return path.length() > 120 ? (parent == null ? "item" : parent + ".item") : path;
    }

    private void symptom(QuestionnaireResponseItemComponent item, String path, List<SymptomReport> out, List<FieldError> errors,
                         List<UnusedInput> unused) {
        if (!item.hasLinkId()) {
            errors.add(new FieldError("item[symptoms].item", "every item needs a linkId"));
            return;
        }
        if (!item.hasAnswer()) {
            return; // not answered: not reported
        }
        Boolean present = bool(item.getAnswerFirstRep().getValue(), path, errors);
        if (present == null) {
            return;
        }
        Map<String, Type> modifiers = new LinkedHashMap<>();
        List<QuestionnaireResponseItemComponent> children = new ArrayList<>(item.getItem());
        for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
            children.addAll(answer.getItem());
        }
        Map<String, List<Type>> repeated = new LinkedHashMap<>();
        for (QuestionnaireResponseItemComponent child : children) {
            if (!child.hasLinkId()) {
                errors.add(new FieldError(safe(path) + ".item", "every item needs a linkId"));
                continue;
            }
            String name = child.getLinkId().startsWith(item.getLinkId() + ".")
                    ? child.getLinkId().substring(item.getLinkId().length() + 1) : child.getLinkId();
            child.getAnswer().forEach(a -> repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(a.getValue()));
        }
        repeated.forEach((name, values) -> modifiers.put(name, values.get(0)));
        out.add(reports.report(item.getLinkId(), present ? SymptomStatus.PRESENT : SymptomStatus.ABSENT, modifiers,
                repeated.getOrDefault("locations", List.of()), null, path, errors, unused));
    }
}
