package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.triage.api.VitalsReport;
import dev.triageapi.vocabulary.Consciousness;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

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
    private final Map<String, String> symptomByName = new LinkedHashMap<>();
    /** "modifier snomedCode" to our value code. */
    private final Map<String, String> valueBySnomed = new LinkedHashMap<>();
    private final Map<String, String> riskFactorBySnomed = new LinkedHashMap<>();

    public FhirIntakeMapper(Catalog catalog) {
        this.catalog = catalog;
        catalog.symptoms().stream().filter(s -> s.snomedCode() != null)
                .forEach(s -> symptomBySnomed.put(s.snomedCode(), s.code()));
        catalog.symptoms().forEach(s -> {
            symptomByName.putIfAbsent(normalised(s.label()), s.code());
            symptomByName.putIfAbsent(normalised(s.code()), s.code());
        });
        catalog.modifiers().forEach(m -> m.values().stream().filter(v -> v.snomedCode() != null)
                .forEach(v -> valueBySnomed.put(m.code().code() + " " + v.snomedCode(), v.code())));
        catalog.riskFactors().stream().filter(r -> r.snomedCode() != null)
                .forEach(r -> riskFactorBySnomed.put(r.snomedCode(), r.code()));
    }

    public FhirIntake toIntake(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse response) {
            return fromQuestionnaireResponse(response);
        }
        if (resource instanceof Bundle bundle) {
            return fromBundle(bundle);
        }
        throw new InvalidRequestException(List.of(new FieldError("resourceType",
                "expected a QuestionnaireResponse or a Bundle of Observations")));
    }

    FhirIntake fromQuestionnaireResponse(QuestionnaireResponse response) {
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
        VitalsReport vitals = null;
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
        String subject = response.hasSubject() ? literal(response.getSubject().getReference()) : null;
        String self = response.getIdElement().hasIdPart() ? literal("QuestionnaireResponse/" + response.getIdElement().getIdPart()) : null;
        return new FhirIntake(new TriageRequest(age, sex, symptoms, riskFactors, absentRiskFactors, underTreatment, pregnancy, vitals),
                unused, List.of(),
                self == null ? List.of() : List.of(self), subject, Map.copyOf(sources));
    }

    /** The answers of the Questionnaire's vital signs group. */
    private static VitalsReport vitals(QuestionnaireResponseItemComponent group, List<FieldError> errors, List<UnusedInput> unused,
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
        VitalsReport report = new VitalsReport(whole(answers.get("respiratoryRate"), p + "respiratoryRate]", errors),
                whole(answers.get("oxygenSaturation"), p + "oxygenSaturation]", errors),
                answers.containsKey("onSupplementalOxygen") ? bool(answers.get("onSupplementalOxygen"), p + "onSupplementalOxygen]", errors) : null,
                whole(answers.get("systolicBloodPressure"), p + "systolicBloodPressure]", errors),
                whole(answers.get("heartRate"), p + "heartRate]", errors),
                number(answers.get("temperature"), p + "temperature]", errors),
                consciousness == null ? null : code(consciousness, Consciousness.values(), Consciousness::code, p + "consciousness]", errors),
                number(answers.get("bloodGlucose"), p + "bloodGlucose]", errors));
        return report.isEmpty() ? null : report;
    }

    /** A plain number (valueDecimal or valueInteger) in the unit the item's text names. */
    private static Double number(Type value, String path, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof DecimalType d && d.getValue() != null) {
            return d.getValue().doubleValue();
        }
        if (value instanceof IntegerType i && i.getValue() != null) {
            return i.getValue().doubleValue();
        }
        errors.add(new FieldError(path, "expected a number (valueDecimal) in the unit the item names"));
        return null;
    }

    private static Integer whole(Type value, String path, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof IntegerType integer) {
            return integer.getValue();
        }
        errors.add(new FieldError(path, "expected a whole number (valueInteger)"));
        return null;
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
        out.add(report(item.getLinkId(), present ? SymptomStatus.PRESENT : SymptomStatus.ABSENT, modifiers,
                repeated.getOrDefault("locations", List.of()), null, path, errors, unused));
    }

    FhirIntake fromBundle(Bundle bundle) {
        List<FieldError> errors = new ArrayList<>();
        List<UnusedInput> unused = new ArrayList<>();
        List<String> askAbout = new ArrayList<>();
        List<String> riskFactors = new ArrayList<>();
        Map<String, Timed> latest = new LinkedHashMap<>();
        Integer age = null;
        Sex sex = null;
        String subject = null;
        boolean patientSeen = false;
        Pregnancy pregnancy = null;
        Instant pregnancyRecorded = null;
        VitalSignsReader vitals = new VitalSignsReader();
        Instant now = Instant.now();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            IBaseResource resource = entry.getResource();
            String path = "entry[" + i + "].resource";
            VitalSignsReader.Parameter vitalSign = resource instanceof Observation o ? VitalSignsReader.parameterOf(o).orElse(null) : null;
            if (resource == null) {
                unused.add(new UnusedInput("entry[" + i + "]", "the entry holds no resource"));
            } else if (resource instanceof OperationOutcome
                    || entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME) {
                unused.add(new UnusedInput(path, "a message from the FHIR server about its search, not a record of the patient"));
            } else if (resource instanceof Observation observation
                    && hasCoding(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_PREGNANCY_STATUS)) {
                Optional<Pregnancy> status = pregnancy(observation, path, unused);
                Instant when = recorded(observation, now).orElse(now);
                if (status.isPresent() && (pregnancyRecorded == null || !when.isBefore(pregnancyRecorded))) {
                    pregnancy = status.get();
                    pregnancyRecorded = when;
                }
            } else if (resource instanceof Observation observation && vitalSign != null) {
                if (isCurrentRecord(observation)) {
                    vitals.read(observation, vitalSign, recorded(observation, now).orElse(now), now, path, unused);
                } else {
                    unused.add(new UnusedInput(path + ".status", "a vital sign that is " + observation.getStatus().toCode()
                            + " is not a measurement"));
                }
            } else if (resource instanceof Observation observation) {
                Timed timed = observation(observation, now, path, reference(entry), errors, unused, askAbout);
                if (timed != null && timed.report() != null) {
                    // The same symptom recorded at several visits: the most recent record is the current one.
                    Timed earlier = latest.get(timed.report().code());
                    Timed kept = earlier == null || !earlier.recorded().isAfter(timed.recorded()) ? timed : earlier;
                    latest.put(timed.report().code(), kept);
                    if (earlier != null) {
                        Timed dropped = kept == timed ? earlier : timed;
                        unused.add(new UnusedInput(dropped.path(), "an earlier record of a symptom recorded again later: the latest record counts"));
                    }
                }
            } else if (resource instanceof Condition condition) {
                String riskFactor = riskFactor(condition, path, unused);
                if (riskFactor != null && !riskFactors.contains(riskFactor)) {
                    riskFactors.add(riskFactor);
                }
            } else if (resource instanceof Patient patient) {
                if (patientSeen) {
                    unused.add(new UnusedInput(path, "a second Patient: only the first is read"));
                    continue;
                }
                patientSeen = true;
                subject = reference(entry);
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
                String type = resource.fhirType();
                unused.add(new UnusedInput(path, ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type
                        + " is not a record the triage reads"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (subject == null) {
            // No Patient entry: the patient the symptom records are about, when they all name the same one.
            List<String> subjects = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Observation.class::isInstance).map(r -> ((Observation) r).getSubject().getReference())
                    .distinct().toList();
            subject = subjects.size() == 1 ? literal(subjects.get(0)) : null;
        }
        List<SymptomReport> reports = latest.values().stream().map(Timed::report).toList();
        List<String> basis = latest.values().stream().map(Timed::reference).filter(Objects::nonNull).toList();
        return new FhirIntake(new TriageRequest(age, sex, reports, riskFactors, null, null, pregnancy, vitals.report()), unused,
                askAbout, basis, subject, vitals.sources());
    }

    /**
     * Every status but entered-in-error and cancelled, for symptoms, pregnancy and vital signs alike: a record whose
     * status is missing or unknown is read rather than left out (a symptom or a vital sign left out could lower the
     * level).
     */
    private static boolean isCurrentRecord(Observation observation) {
        return observation.getStatus() != Observation.ObservationStatus.ENTEREDINERROR
                && observation.getStatus() != Observation.ObservationStatus.CANCELLED;
    }

    /**
     * A Condition as one of our risk factors: coded with a risk factor's SNOMED CT code, and neither resolved, refuted
     * nor entered in error. A risk factor only ever adds to a case, so a Condition that is not read cannot lower it.
     */
    private String riskFactor(Condition condition, String path, List<UnusedInput> unused) {
        String code = condition.getCode().getCoding().stream().filter(c -> FhirCodes.SNOMED.equals(c.getSystem()))
                .map(c -> riskFactorBySnomed.get(c.getCode())).filter(Objects::nonNull).findFirst().orElse(null);
        if (code == null) {
            unused.add(new UnusedInput(path, "a Condition that is none of the risk factors this service reads"));
            return null;
        }
        String clinical = condition.getClinicalStatus().getCoding().stream().map(Coding::getCode).findFirst().orElse("active");
        String verification = condition.getVerificationStatus().getCoding().stream().map(Coding::getCode).findFirst().orElse("confirmed");
        if (!List.of("active", "recurrence", "relapse").contains(clinical)
                || List.of("refuted", "entered-in-error").contains(verification)) {
            unused.add(new UnusedInput(path, "a Condition that is not current (its clinical or verification status says so)"));
            return null;
        }
        return code;
    }

    /**
     * A pregnancy status Observation (LOINC 82810-3, as the IPS records it) with SNOMED CT 77386006 pregnant or
     * 60001007 not pregnant; any other value, or a record in error, is listed as not used and the status stays unknown.
     */
    private static Optional<Pregnancy> pregnancy(Observation observation, String path, List<UnusedInput> unused) {
        if (!isCurrentRecord(observation)) {
            unused.add(new UnusedInput(path, "its status is " + observation.getStatus().toCode() + ": it is not read"));
            return Optional.empty();
        }
        if (observation.hasValueCodeableConcept()) {
            for (Coding coding : observation.getValueCodeableConcept().getCoding()) {
                if (FhirCodes.SNOMED.equals(coding.getSystem()) && "77386006".equals(coding.getCode())) {
                    return Optional.of(Pregnancy.PREGNANT);
                }
                if (FhirCodes.SNOMED.equals(coding.getSystem()) && "60001007".equals(coding.getCode())) {
                    return Optional.of(Pregnancy.NOT_PREGNANT);
                }
            }
        }
        unused.add(new UnusedInput(path, "a pregnancy status this service does not read (SNOMED CT 77386006 or 60001007)"));
        return Optional.empty();
    }

    /** A literal reference to an entry's resource: its fullUrl, else its type and id; null when it has neither. */
    private static String reference(Bundle.BundleEntryComponent entry) {
        if (entry.hasFullUrl() && literal(entry.getFullUrl()) != null) {
            return entry.getFullUrl();
        }
        IBaseResource resource = entry.getResource();
        return resource.getIdElement().hasIdPart()
                ? literal(resource.fhirType() + "/" + resource.getIdElement().getIdPart()) : null;
    }

    /**
     * FHIR R4's pattern of a literal reference (or a {@code urn:uuid:} full URL); anything else is left out, since a
     * contained or made-up reference would dangle in what the service writes.
     */
    private static final Pattern LITERAL_REFERENCE = Pattern.compile(
            "urn:uuid:[0-9a-fA-F-]{36}|(https?://([A-Za-z0-9.:%$-]*/)+)?[A-Za-z]{1,64}/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?");

    public static String literal(String reference) {
        return reference != null && reference.length() <= 300 && LITERAL_REFERENCE.matcher(reference).matches() ? reference : null;
    }

    /** An answer to a modifier, read from one of the Symptoms IG's own components. */
    private record IgAnswer(Modifier modifier, Type value) {
    }

    private static final Map<String, IgAnswer> IG_ANSWERS = Map.of(
            FhirCodes.LOINC_SPEED_OF_ONSET + " 385315009", new IgAnswer(Modifier.ONSET, new Coding(FhirCodes.MODIFIER_VALUE, "sudden", null)),
            FhirCodes.LOINC_SPEED_OF_ONSET + " 61751001", new IgAnswer(Modifier.ONSET, new Coding(FhirCodes.MODIFIER_VALUE, "gradual", null)),
            FhirCodes.LOINC_SEVERITY + " 24484000", new IgAnswer(Modifier.SEVERITY, new Coding(FhirCodes.MODIFIER_VALUE, "severe", null)),
            FhirCodes.LOINC_SEVERITY + " 6736007", new IgAnswer(Modifier.SEVERITY, new Coding(FhirCodes.MODIFIER_VALUE, "moderate", null)),
            FhirCodes.LOINC_TREND + " 231877006", new IgAnswer(Modifier.WORSENING, new BooleanType(true)),
            FhirCodes.LOINC_TREND + " 35105006", new IgAnswer(Modifier.WORSENING, new BooleanType(true)));

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

    /** A symptom from an Observation, when it was recorded (now, when the record does not say), where and what it was. */
    private record Timed(SymptomReport report, Instant recorded, String path, String reference) {
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

    /**
     * One Observation as a symptom, or null when it is not one the triage reads (then listed in {@code unused}). A
     * symptom named only in words that are a catalog symptom's name is added to {@code askAbout}.
     */
    private Timed observation(Observation observation, Instant now, String path, String reference, List<FieldError> errors,
                              List<UnusedInput> unused, List<String> askAbout) {
        SymptomStatus status;
        if (hasCoding(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_SYMPTOM)) {
            status = SymptomStatus.PRESENT;
        } else if (hasCoding(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_SYMPTOM_ABSENT)) {
            status = SymptomStatus.ABSENT;
        } else {
            unused.add(new UnusedInput(path, "not a symptom record: its code is neither LOINC 75325-1 (symptom) nor 111551-8 (symptom absent)"));
            return null;
        }
        if (!isCurrentRecord(observation)) {
            unused.add(new UnusedInput(path, "its status is " + observation.getStatus().toCode() + ": it is not triaged"));
            return null;
        }
        CodeableConcept value = observation.hasValueCodeableConcept() ? observation.getValueCodeableConcept()
                : observation.hasValueStringType() ? new CodeableConcept().setText(observation.getValueStringType().getValue())
                : null;
        if (value == null) {
            unused.add(new UnusedInput(path, "names no symptom: its value is not a CodeableConcept or text"));
            return null;
        }
        String code = symptomCode(value);
        if (code == null) {
            String named = symptomNamed(value);
            if (named != null && status == SymptomStatus.PRESENT) {
                askAbout.add(named);
                unused.add(new UnusedInput(path + ".value", "names a symptom only in words, without a code: it is asked about in missingInformation when it could raise the level"));
            } else {
                unused.add(new UnusedInput(path + ".value", "names a symptom this service does not know; see GET /api/v1/symptoms"));
            }
            return null;
        }
        Map<String, Type> modifiers = new LinkedHashMap<>();
        List<Type> locations = new ArrayList<>();
        List<String> accepted = catalog.symptom(code).map(SymptomDefinition::modifiers).orElse(List.of());
        for (int j = 0; j < observation.getComponent().size(); j++) {
            Observation.ObservationComponentComponent component = observation.getComponent().get(j);
            Optional<Coding> ours = component.getCode().getCoding().stream()
                    .filter(c -> FhirCodes.MODIFIER.equals(c.getSystem())).findFirst();
            if (ours.isPresent()) {
                if ("locations".equals(ours.get().getCode())) {
                    locations.add(component.getValue());
                } else {
                    modifiers.put(ours.get().getCode(), component.getValue());
                }
                continue;
            }
            Optional<IgAnswer> ig = igComponent(component);
            if (ig.isPresent() && accepted.contains(ig.get().modifier().code())) {
                continue; // read below, after our own codings, which win
            }
            unused.add(new UnusedInput(path + ".component[" + j + "]", ig.isPresent()
                    ? "an answer this symptom does not take" : "a component the triage does not read"));
        }
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            igComponent(component).filter(answer -> accepted.contains(answer.modifier().code()))
                    .ifPresent(answer -> modifiers.putIfAbsent(answer.modifier().code(), answer.value()));
        }
        if (observation.hasBodySite()) {
            bodySite(observation.getBodySite(), accepted, modifiers, locations, path + ".bodySite", unused);
        }
        // A symptom recorded some time ago began at least that long ago: an old record is history, not a current acute
        // sign. The record's age is a lower bound of the symptom's age, so it never makes a symptom look older than it is.
        Optional<Instant> recorded = recorded(observation, now);
        Double recordAge = recorded.map(t -> Duration.between(t, now).toSeconds() / 3600.0).orElse(null);
        return new Timed(report(code, status, modifiers, locations, recordAge, path, errors, unused), recorded.orElse(now), path, reference);
    }

    /**
     * SNOMED CT body structures (and the precoordinated left and right upper arm) as our locations, and SNOMED CT
     * laterality qualifiers as our side, each confirmed in public terminology sources (see FhirCodes).
     */
    private static final Map<String, String> LOCATION_BY_SNOMED = Map.ofEntries(
            Map.entry("89545001", "face"), Map.entry("81745001", "eye"), Map.entry("53120007", "arm"),
            Map.entry("368208006", "upper_arm"), Map.entry("368209003", "upper_arm"), Map.entry("40983000", "upper_arm"),
            Map.entry("85562004", "hand"), Map.entry("61685007", "leg"), Map.entry("56459004", "foot"),
            Map.entry("45048000", "neck"), Map.entry("38266002", "whole_body"), Map.entry("16982005", "shoulder"),
            Map.entry("29836001", "hip"), Map.entry("68367000", "thigh"), Map.entry("77568009", "back"));
    private static final Map<String, String> SIDE_BY_SNOMED = Map.of(
            "7771000", "left", "24028007", "right", "51440002", "both", "368208006", "left", "368209003", "right");

    /**
     * {@code Observation.bodySite} (Symptoms IG: where the patient feels the symptom) as our locations and side, when
     * the record did not give them as our components, which win. Laterality may be a qualifier coding beside the body
     * structure, or part of a precoordinated structure. A site this table does not hold is listed as not used.
     */
    private static void bodySite(CodeableConcept site, List<String> accepted, Map<String, Type> modifiers, List<Type> locations,
                                 String path, List<UnusedInput> unused) {
        String location = null;
        String side = null;
        for (Coding coding : site.getCoding()) {
            if (FhirCodes.SNOMED.equals(coding.getSystem()) && coding.getCode() != null) {
                location = location != null ? location : LOCATION_BY_SNOMED.get(coding.getCode());
                side = side != null ? side : SIDE_BY_SNOMED.get(coding.getCode());
            }
        }
        if (location == null && side == null) {
            unused.add(new UnusedInput(path, "names no body site this service reads: send where and which side as the "
                    + "locations and side components (see docs/integration.md)"));
            return;
        }
        if (location != null && accepted.contains(Modifier.LOCATIONS.code()) && locations.isEmpty()) {
            locations.add(new Coding(FhirCodes.MODIFIER_VALUE, location, null));
        }
        if (side != null && accepted.contains(Modifier.SIDE.code())) {
            modifiers.putIfAbsent(Modifier.SIDE.code(), new Coding(FhirCodes.MODIFIER_VALUE, side, null));
        }
        if (site.hasExtension()) {
            unused.add(new UnusedInput(path + ".extension", "a location qualifier in words is not read"));
        }
    }

    /**
     * The catalog symptom whose name or code the concept's words are (its text, or a coding's display), ignoring case
     * and punctuation; null when none is. Only a whole-name match counts: words are never guessed at.
     */
    private String symptomNamed(CodeableConcept concept) {
        List<String> words = new ArrayList<>();
        if (concept.hasText()) {
            words.add(concept.getText());
        }
        concept.getCoding().stream().filter(Coding::hasDisplay).forEach(c -> words.add(c.getDisplay()));
        for (String text : words) {
            String key = normalised(text);
            String code = symptomByName.get(key);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static String normalised(String text) {
        return text.length() > 200 ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
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

    /**
     * One symptom and its answers. A modifier this service does not have, or one the symptom does not take, is listed
     * as not used: the rules give it no meaning for that symptom, so leaving it out cannot change the answer.
     */
    private SymptomReport report(String code, SymptomStatus status, Map<String, Type> modifiers, List<Type> locationValues,
                                 Double recordAge, String path, List<FieldError> errors, List<UnusedInput> unused) {
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
                unused.add(new UnusedInput(safe(path + "." + name), "is not a modifier; see GET /api/v1/modifiers"));
            } else if (!definition.modifiers().contains(modifier.code())) {
                unused.add(new UnusedInput(safe(path + "." + name), "is not an answer this symptom takes; see GET /api/v1/symptoms"));
            } else {
                answers.put(modifier, read(modifier, value, path + "." + name, errors));
            }
        });
        if (!locationValues.isEmpty() && !definition.modifiers().contains(Modifier.LOCATIONS.code())) {
            unused.add(new UnusedInput(safe(path + ".locations"), "is not an answer this symptom takes; see GET /api/v1/symptoms"));
        } else if (!locationValues.isEmpty()) {
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
    private Object read(Modifier modifier, Type value, String path, List<FieldError> errors) {
        return switch (modifier.kind()) {
            case CHOICE, CHOICES -> choice(modifier, value, path, errors);
            case DECIMAL -> decimal(value, path, errors);
            case BOOLEAN -> bool(value, path, errors);
        };
    }

    /** A choice: our code, or a SNOMED CT coding of one of our values (see the catalog's modifiers). */
    private Object choice(Modifier modifier, Type value, String path, List<FieldError> errors) {
        String code = answerCode(value);
        Coding snomed = value instanceof Coding c ? c
                : value instanceof CodeableConcept concept ? concept.getCoding().stream()
                        .filter(c -> FhirCodes.SNOMED.equals(c.getSystem())).findFirst().orElse(null) : null;
        if (snomed != null && FhirCodes.SNOMED.equals(snomed.getSystem())) {
            code = valueBySnomed.getOrDefault(modifier.code() + " " + snomed.getCode(), code);
        }
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
                + String.join(", ", Arrays.stream(values).map(codeOf).toList())));
        return null;
    }

    /** LOINC's answer codes for yes and no (answer list LL361-7), as questionnaires often record a yes/no question. */
    private static final String LOINC_YES = "LA33-6";
    private static final String LOINC_NO = "LA32-8";

    private static Boolean bool(Type value, String path, List<FieldError> errors) {
        if (value instanceof BooleanType b && b.getValue() != null) {
            return b.getValue();
        }
        if (value instanceof Coding coding && FhirCodes.LOINC.equals(coding.getSystem())) {
            if (LOINC_YES.equals(coding.getCode())) {
                return true;
            }
            if (LOINC_NO.equals(coding.getCode())) {
                return false;
            }
        }
        errors.add(new FieldError(safe(path), "must be a boolean answer, or a LOINC coding LA33-6 (yes) or LA32-8 (no)"));
        return null;
    }

    /**
     * Age in whole years from an integer or decimal answer, or a Quantity of time in a UCUM unit (a baby's age is
     * often given in months or weeks). Completed years, as an age is counted.
     */
    private static Integer years(Type value, String path, List<FieldError> errors) {
        if (value instanceof IntegerType i && i.getValue() != null) {
            return i.getValue();
        }
        Double years = null;
        if (value instanceof DecimalType d && d.getValue() != null) {
            years = d.getValue().doubleValue();
        } else if (value instanceof Quantity q && q.getValue() != null) {
            Double hours = hours(q, path, errors);
            if (hours == null) {
                return null;
            }
            years = hours / HOURS_PER_UCUM_UNIT.get("a");
        } else {
            errors.add(new FieldError(safe(path), "must be an age: an integer or decimal number of years, or a Quantity with a UCUM unit of time"));
            return null;
        }
        if (years < 0 || years > 200) {
            errors.add(new FieldError(safe(path), "must be an age between 0 and 120 years"));
            return null;
        }
        return (int) Math.floor(years);
    }

    /**
     * Hours in each UCUM unit of time ({@code mo} and {@code a} are UCUM's mean Julian month and year). An EHR that
     * records "90 min" means an hour and a half: read as 90 hours, a stroke sign would fall out of the treatment window.
     */
    private static final Map<String, Double> HOURS_PER_UCUM_UNIT = Map.of(
            "s", 1 / 3600.0, "min", 1 / 60.0, "h", 1.0, "d", 24.0, "wk", 168.0, "mo", 730.5, "a", 8766.0);

    private static Double decimal(Type value, String path, List<FieldError> errors) {
        if (value instanceof DecimalType d && d.getValue() != null) {
            return d.getValue().doubleValue();
        }
        if (value instanceof Quantity q && q.getValue() != null) {
            return hours(q, path, errors);
        }
        if (value instanceof IntegerType i && i.getValue() != null) {
            return i.getValue().doubleValue();
        }
        errors.add(new FieldError(safe(path), "must be a number of hours"));
        return null;
    }

    /** A Quantity of time in hours: its UCUM code (or, with no system, a unit that is a UCUM code); anything else is refused. */
    private static Double hours(Quantity quantity, String path, List<FieldError> errors) {
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
        return path.matches("[A-Za-z0-9_.\\[\\]-]{1,200}") ? path : "item";
    }
}
