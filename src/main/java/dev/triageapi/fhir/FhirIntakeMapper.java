package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.triage.Modifier;
import dev.triageapi.triage.Sex;
import dev.triageapi.triage.SymptomStatus;
import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.triage.api.TriageRequest;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Type;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.triageapi.http.SafeText.quoteIfCode;

/**
 * Maps FHIR intake onto the same {@link TriageRequest} the JSON API takes: a {@code QuestionnaireResponse} to the
 * intake Questionnaire, or a {@code Bundle} of symptom {@code Observation}s (HL7 Symptoms IG: LOINC 75325-1 present,
 * 111551-8 absent, the finding as SNOMED CT or the service's own code) with an optional {@code Patient}.
 */
@Singleton
public final class FhirIntakeMapper {

    private final Catalog catalog;
    private final Map<String, String> symptomBySnomed = new LinkedHashMap<>();

    public FhirIntakeMapper(Catalog catalog) {
        this.catalog = catalog;
        catalog.symptoms().stream().filter(s -> s.snomedCode() != null)
                .forEach(s -> symptomBySnomed.put(s.snomedCode(), s.code()));
    }

    public TriageRequest toRequest(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response) {
            return fromQuestionnaireResponse(response);
        }
        if (resource instanceof Bundle bundle) {
            return fromBundle(bundle);
        }
        throw new InvalidRequestException(List.of(new FieldError("resourceType",
                "expected a QuestionnaireResponse or a Bundle of Observations")));
    }

    TriageRequest fromQuestionnaireResponse(QuestionnaireResponse response) {
        if (response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
            throw new InvalidRequestException(List.of(new FieldError("status",
                    "is entered-in-error: answers recorded in error are not triaged")));
        }
        List<FieldError> errors = new ArrayList<>();
        Integer age = null;
        Sex sex = null;
        Boolean underTreatment = null;
        List<SymptomReport> symptoms = new ArrayList<>();
        List<String> riskFactors = new ArrayList<>();
        for (QuestionnaireResponseItemComponent item : response.getItem()) {
            if (!item.hasLinkId()) {
                errors.add(new FieldError("item", "every item needs a linkId"));
                continue;
            }
            String path = "item[" + item.getLinkId() + "]";
            Type answer = item.hasAnswer() ? item.getAnswerFirstRep().getValue() : null;
            switch (item.getLinkId()) {
                case "age" -> age = answer == null ? null : integer(answer, path, errors);
                case "sex" -> sex = answer == null ? null : code(answer, Sex.values(), Sex::code, path, errors);
                case "underTreatment" -> underTreatment = answer == null ? null : bool(answer, path, errors);
                case "symptoms" -> item.getItem().forEach(s -> symptom(s, "item[symptoms]." + "item[" + s.getLinkId() + "]", symptoms, errors));
                case "riskFactors" -> item.getItem().forEach(r -> {
                    if (!r.hasLinkId()) {
                        errors.add(new FieldError("item[riskFactors].item", "every item needs a linkId"));
                        return;
                    }
                    Type value = r.hasAnswer() ? r.getAnswerFirstRep().getValue() : null;
                    if (value != null && Boolean.TRUE.equals(bool(value, "item[riskFactors].item[" + r.getLinkId() + "]", errors))) {
                        riskFactors.add(r.getLinkId());
                    }
                });
                default -> errors.add(new FieldError(safe(path), "is not an item of the intake Questionnaire"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new TriageRequest(age, sex, symptoms, riskFactors, underTreatment);
    }

    private void symptom(QuestionnaireResponseItemComponent item, String path, List<SymptomReport> out, List<FieldError> errors) {
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
        out.add(report(item.getLinkId(), present ? SymptomStatus.PRESENT : SymptomStatus.ABSENT, modifiers,
                repeated.getOrDefault("locations", List.of()), null, path, errors));
    }

    TriageRequest fromBundle(Bundle bundle) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Timed> latest = new LinkedHashMap<>();
        Integer age = null;
        Sex sex = null;
        Instant now = Instant.now();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            IBaseResource resource = bundle.getEntry().get(i).getResource();
            String path = "entry[" + i + "].resource";
            if (resource instanceof Observation observation) {
                Timed timed = observation(observation, now, path, errors);
                // The same symptom recorded at several visits: the most recent record is the current one.
                if (timed != null && timed.report() != null) {
                    latest.merge(timed.report().code(), timed, (a, b) -> b.recorded().isAfter(a.recorded()) ? b : a);
                }
            } else if (resource instanceof Patient patient) {
                if (patient.hasBirthDate()) {
                    age = Period.between(patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate(), LocalDate.now(ZoneOffset.UTC)).getYears();
                }
                if (patient.hasGender()) {
                    sex = switch (patient.getGender()) {
                        case FEMALE -> Sex.FEMALE;
                        case MALE -> Sex.MALE;
                        case OTHER -> Sex.OTHER;
                        default -> Sex.UNKNOWN;
                    };
                }
            } else {
                errors.add(new FieldError(path, "expected an Observation or a Patient"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new TriageRequest(age, sex, latest.values().stream().map(Timed::report).toList(), List.of(), null);
    }

    /** An answer to a modifier, read from one of the Symptoms IG's own components. */
    private record IgAnswer(Modifier modifier, Type value) {
    }

    private static final Map<String, IgAnswer> IG_ANSWERS = Map.of(
            FhirCodes.LOINC_SPEED_OF_ONSET + " 385315009", new IgAnswer(Modifier.ONSET, new Coding(FhirCodes.MODIFIER_VALUE, "sudden", null)),
            FhirCodes.LOINC_SPEED_OF_ONSET + " 61751001", new IgAnswer(Modifier.ONSET, new Coding(FhirCodes.MODIFIER_VALUE, "gradual", null)),
            FhirCodes.LOINC_SEVERITY + " 24484000", new IgAnswer(Modifier.SEVERITY, new Coding(FhirCodes.MODIFIER_VALUE, "severe", null)),
            FhirCodes.LOINC_SEVERITY + " 6736007", new IgAnswer(Modifier.SEVERITY, new Coding(FhirCodes.MODIFIER_VALUE, "moderate", null)),
            FhirCodes.LOINC_TREND + " 231877006", new IgAnswer(Modifier.WORSENING, new org.hl7.fhir.r4.model.BooleanType(true)),
            FhirCodes.LOINC_TREND + " 35105006", new IgAnswer(Modifier.WORSENING, new org.hl7.fhir.r4.model.BooleanType(true)));

    /**
     * A component coded the Symptoms IG's way (see {@link FhirCodes#LOINC_SPEED_OF_ONSET}), as the answer to one of our
     * modifiers. Our own coding of the same modifier wins; a code the IG gives no meaning for is left unread (unknown).
     */
    private static Optional<IgAnswer> igComponent(Observation.ObservationComponentComponent component) {
        if (!component.hasValueCodeableConcept()) {
            return Optional.empty();
        }
        for (Coding question : component.getCode().getCoding()) {
            if (!FhirCodes.LOINC.equals(question.getSystem())) {
                continue;
            }
            for (Coding answer : component.getValueCodeableConcept().getCoding()) {
                if (FhirCodes.SNOMED.equals(answer.getSystem())) {
                    IgAnswer known = IG_ANSWERS.get(question.getCode() + " " + answer.getCode());
                    if (known != null) {
                        return Optional.of(known);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A symptom from an Observation and when it was recorded (now, when the record does not say). */
    private record Timed(SymptomReport report, Instant recorded) {
    }

    /**
     * When the record says the symptom was there: {@code effective[x]} (a period's start), else {@code issued}; empty
     * when it says neither. A time in the future counts as now.
     */
    private static Optional<Instant> recorded(Observation observation, Instant now) {
        Date when = observation.hasEffectiveDateTimeType() ? observation.getEffectiveDateTimeType().getValue()
                : observation.hasEffectiveInstantType() ? observation.getEffectiveInstantType().getValue()
                : observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()
                        ? observation.getEffectivePeriod().getStart()
                : observation.hasIssued() ? observation.getIssued() : null;
        return Optional.ofNullable(when).map(Date::toInstant).map(t -> t.isAfter(now) ? now : t);
    }

    private Timed observation(Observation observation, Instant now, String path, List<FieldError> errors) {
        SymptomStatus status;
        if (hasCoding(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_SYMPTOM)) {
            status = SymptomStatus.PRESENT;
        } else if (hasCoding(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_SYMPTOM_ABSENT)) {
            status = SymptomStatus.ABSENT;
        } else {
            errors.add(new FieldError(path + ".code", "must be LOINC 75325-1 (symptom) or 111551-8 (symptom absent)"));
            return null;
        }
        if (observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || observation.getStatus() == Observation.ObservationStatus.CANCELLED) {
            return null;
        }
        if (!observation.hasValueCodeableConcept()) {
            errors.add(new FieldError(path + ".valueCodeableConcept", "must name the symptom (SNOMED CT or " + FhirCodes.SYMPTOM + ")"));
            return null;
        }
        String code = symptomCode(observation.getValueCodeableConcept());
        if (code == null) {
            errors.add(new FieldError(path + ".valueCodeableConcept", "names no symptom this service knows; see GET /api/v1/symptoms"));
            return null;
        }
        Map<String, Type> modifiers = new LinkedHashMap<>();
        List<Type> locations = new ArrayList<>();
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            component.getCode().getCoding().stream().filter(c -> FhirCodes.MODIFIER.equals(c.getSystem())).findFirst()
                    .ifPresent(c -> {
                        if ("locations".equals(c.getCode())) {
                            locations.add(component.getValue());
                        } else {
                            modifiers.put(c.getCode(), component.getValue());
                        }
                    });
        }
        List<String> accepted = catalog.symptom(code).map(SymptomDefinition::modifiers).orElse(List.of());
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            igComponent(component).filter(answer -> accepted.contains(answer.modifier().code()))
                    .ifPresent(answer -> modifiers.putIfAbsent(answer.modifier().code(), answer.value()));
        }
        // A symptom recorded some time ago began at least that long ago: an old record is history, not a current acute
        // sign. The record's age is a lower bound of the symptom's age, so it never makes a symptom look older than it is.
        Optional<Instant> recorded = recorded(observation, now);
        Double recordAge = recorded.map(t -> Duration.between(t, now).toSeconds() / 3600.0).orElse(null);
        return new Timed(report(code, status, modifiers, locations, recordAge, path, errors), recorded.orElse(now));
    }

    private String symptomCode(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (FhirCodes.SYMPTOM.equals(coding.getSystem()) && catalog.symptom(coding.getCode()).isPresent()) {
                return coding.getCode();
            }
            if (FhirCodes.SNOMED.equals(coding.getSystem()) && symptomBySnomed.containsKey(coding.getCode())) {
                return symptomBySnomed.get(coding.getCode());
            }
        }
        return null;
    }

    private SymptomReport report(String code, SymptomStatus status, Map<String, Type> modifiers, List<Type> locationValues,
                                 Double recordAge, String path, List<FieldError> errors) {
        SymptomDefinition definition = catalog.symptom(code).orElse(null);
        if (definition == null) {
            errors.add(new FieldError(safe(path), "unknown symptom code" + quoteIfCode(code) + "; see GET /api/v1/symptoms"));
            return null;
        }
        Map<Modifier, Object> answers = new EnumMap<>(Modifier.class);
        modifiers.forEach((name, value) -> {
            if (Modifier.LOCATIONS.code().equals(name)) {
                return; // repeated answers: read below from every value, not just the first
            }
            Modifier modifier = Modifier.byCode(name).orElse(null);
            if (modifier == null) {
                errors.add(new FieldError(safe(path + "." + name), "is not a modifier; see GET /api/v1/modifiers"));
            } else {
                // Whether this symptom takes it is the pipeline's check, in the same words as for JSON.
                answers.put(modifier, read(modifier, value, path + "." + name, errors));
            }
        });
        if (!locationValues.isEmpty()) {
            answers.put(Modifier.LOCATIONS, locationValues.stream()
                    .map(v -> read(Modifier.LOCATIONS, v, path + ".locations", errors)).toList());
        }
        if (recordAge != null) {
            // Hours since onset as the record states them are hours before the record was made.
            answers.merge(Modifier.HOURS_SINCE_ONSET, recordAge, (stated, age) -> (Double) stated + (Double) age);
        }
        return SymptomReport.of(code, status, answers);
    }

    /** One FHIR answer read as the modifier's kind says: a coding of its choices, a number of hours, or a boolean. */
    private static Object read(Modifier modifier, Type value, String path, List<FieldError> errors) {
        return switch (modifier.kind()) {
            case CHOICE, CHOICES -> choice(modifier, value, path, errors);
            case DECIMAL -> decimal(value, path, errors);
            case BOOLEAN -> bool(value, path, errors);
        };
    }

    private static Object choice(Modifier modifier, Type value, String path, List<FieldError> errors) {
        String code = answerCode(value);
        Optional<Object> choice = code == null ? Optional.empty() : modifier.choice(code);
        if (choice.isEmpty()) {
            errors.add(new FieldError(safe(path), "must be a coding with one of: " + String.join(", ", modifier.choices())));
        }
        return choice.orElse(null);
    }

    private static boolean hasCoding(CodeableConcept concept, String system, String code) {
        return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }

    /** The code an answer gives: a Coding's, a CodeableConcept's first coding's, or a primitive's value. */
    private static String answerCode(Type value) {
        return value instanceof Coding coding ? coding.getCode()
                : value instanceof CodeableConcept concept && concept.hasCoding() ? concept.getCodingFirstRep().getCode()
                : value != null && value.isPrimitive() ? value.primitiveValue() : null;
    }

    private static <E> E code(Type value, E[] values, Function<E, String> codeOf, String path, List<FieldError> errors) {
        String code = answerCode(value);
        for (E e : values) {
            if (codeOf.apply(e).equals(code)) {
                return e;
            }
        }
        errors.add(new FieldError(safe(path), "must be a coding with one of: "
                + String.join(", ", java.util.Arrays.stream(values).map(codeOf).toList())));
        return null;
    }

    private static Boolean bool(Type value, String path, List<FieldError> errors) {
        if (value instanceof org.hl7.fhir.r4.model.BooleanType b && b.getValue() != null) {
            return b.getValue();
        }
        errors.add(new FieldError(safe(path), "must be a boolean answer"));
        return null;
    }

    private static Integer integer(Type value, String path, List<FieldError> errors) {
        if (value instanceof org.hl7.fhir.r4.model.IntegerType i && i.getValue() != null) {
            return i.getValue();
        }
        errors.add(new FieldError(safe(path), "must be an integer answer"));
        return null;
    }

    /**
     * Hours in each UCUM unit of time ({@code mo} and {@code a} are UCUM's mean Julian month and year). An EHR that
     * records "90 min" means an hour and a half: read as 90 hours, a stroke sign would fall out of the treatment window.
     */
    private static final Map<String, Double> HOURS_PER_UCUM_UNIT = Map.of(
            "s", 1 / 3600.0, "min", 1 / 60.0, "h", 1.0, "d", 24.0, "wk", 168.0, "mo", 730.5, "a", 8766.0);

    private static Double decimal(Type value, String path, List<FieldError> errors) {
        if (value instanceof org.hl7.fhir.r4.model.DecimalType d && d.getValue() != null) {
            return d.getValue().doubleValue();
        }
        if (value instanceof org.hl7.fhir.r4.model.Quantity q && q.getValue() != null) {
            return hours(q, path, errors);
        }
        if (value instanceof org.hl7.fhir.r4.model.IntegerType i && i.getValue() != null) {
            return i.getValue().doubleValue();
        }
        errors.add(new FieldError(safe(path), "must be a number of hours"));
        return null;
    }

    /** A Quantity of time in hours: its UCUM code (or, with no system, a unit that is a UCUM code); anything else is refused. */
    private static Double hours(org.hl7.fhir.r4.model.Quantity quantity, String path, List<FieldError> errors) {
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.hasSystem() ? null : quantity.getUnit();
        boolean ucum = !quantity.hasSystem() || FhirCodes.UCUM.equals(quantity.getSystem());
        Double perUnit = unit == null || !ucum ? null : HOURS_PER_UCUM_UNIT.get(unit);
        if (perUnit == null) {
            errors.add(new FieldError(safe(path), "must be a time with a UCUM unit (s, min, h, d, wk, mo or a); "
                    + (quantity.hasCode() || quantity.hasUnit() ? "its unit is not one of them" : "it has no unit")));
            return null;
        }
        return quantity.getValue().doubleValue() * perUnit;
    }

    /** Link ids come from the client: keep a path only when it is made of plain identifiers. */
    private static String safe(String path) {
        return path.matches("[A-Za-z0-9_.\\[\\]]{1,200}") ? path : "item";
    }
}
