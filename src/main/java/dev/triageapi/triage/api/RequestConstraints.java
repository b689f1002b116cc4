package dev.triageapi.triage.api;

import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.triage.facts.LabResults;
import dev.triageapi.triage.facts.VitalSigns;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a request against the Bean Validation constraints on {@link TriageRequest}, {@link SymptomReport},
 * {@link VitalSigns}, {@link LabResults} and {@link InterviewAnswer}, the one statement of them (the OpenAPI document
 * and the 400 messages come from them too). A request that plainly meets them all, as nearly every real one does,
 * passes on a few comparisons against bounds read from the validator's own metadata when the service starts
 * ({@link ValidatorBounds}); any other is handed to the {@link Validator}, which states its violations. The plain
 * check only has to be sound (never pass a request the validator would refuse): it knows, property by property, the
 * constraints it enforces, and if a record ever carries another it stands aside and the validator sees every request.
 * {@code RequestConstraintsTest} holds it to that on seeded requests around every bound.
 */
final class RequestConstraints {

    /**
     * The constraints the plain check enforces, property by property ({@code Type.property}, {@code []} for the
     * elements of a list), and the properties it follows into a nested record. Any other constraint, on any property or
     * on a class, or any other nested record, switches the plain check off: it stays sound whatever is added later.
     */
    private static final Map<String, Set<Class<? extends Annotation>>> ENFORCED = Map.ofEntries(
            Map.entry("TriageRequest.age", Set.of(Min.class, Max.class)),
            Map.entry("TriageRequest.symptoms", Set.of(NotEmpty.class)),
            Map.entry("TriageRequest.symptoms[]", Set.of(NotNull.class)),
            Map.entry("TriageRequest.riskFactors", Set.of(Size.class)),
            Map.entry("TriageRequest.riskFactors[]", Set.of(NotBlank.class, Size.class)),
            Map.entry("TriageRequest.absentRiskFactors", Set.of(Size.class)),
            Map.entry("TriageRequest.absentRiskFactors[]", Set.of(NotBlank.class, Size.class)),
            Map.entry("SymptomReport.code", Set.of(NotBlank.class, Size.class)),
            Map.entry("SymptomReport.locations", Set.of(Size.class)),
            Map.entry("SymptomReport.locations[]", Set.of(NotNull.class)),
            Map.entry("SymptomReport.hoursSinceOnset", Set.of(DecimalMin.class, DecimalMax.class)),
            Map.entry("SymptomReport.hoursSinceLastKnownWell", Set.of(DecimalMin.class, DecimalMax.class)),
            Map.entry("VitalSigns.respiratoryRate", Set.of(Min.class, Max.class)),
            Map.entry("VitalSigns.oxygenSaturation", Set.of(Min.class, Max.class)),
            Map.entry("VitalSigns.systolicBloodPressure", Set.of(Min.class, Max.class)),
            Map.entry("VitalSigns.heartRate", Set.of(Min.class, Max.class)),
            Map.entry("VitalSigns.temperature", Set.of(DecimalMin.class, DecimalMax.class)),
            Map.entry("VitalSigns.bloodGlucose", Set.of(DecimalMin.class, DecimalMax.class)),
            Map.entry("LabResults.potassium", Set.of(DecimalMin.class, DecimalMax.class)),
            Map.entry("LabResults.sodium", Set.of(DecimalMin.class, DecimalMax.class)),
            Map.entry("LabResults.calcium", Set.of(DecimalMin.class, DecimalMax.class)),
            Map.entry("LabResults.creatineKinase", Set.of(DecimalMin.class, DecimalMax.class)),
            Map.entry("TriageRequest.answers", Set.of(Size.class)),
            Map.entry("TriageRequest.answers[]", Set.of(NotNull.class)),
            Map.entry("InterviewAnswer.question", Set.of(NotBlank.class, Size.class)),
            Map.entry("InterviewAnswer.answer", Set.of(NotBlank.class, Size.class)));
    private static final Set<String> FOLLOWED = Set.of("TriageRequest.symptoms[]", "TriageRequest.vitals", "TriageRequest.labs",
            "TriageRequest.answers[]");

    private final Validator validator;
    private final boolean plainCheck;
    private final ValidatorBounds.Range age;
    private final ValidatorBounds.Range hoursSinceOnset;
    private final ValidatorBounds.Range hoursSinceLastKnownWell;
    private final List<ValidatorBounds.Range> vitals;
    private final List<ValidatorBounds.Range> labs;
    private final int maxSymptomCode;
    private final int maxLocations;
    private final int maxRiskFactors;
    private final int maxRiskFactorCode;
    private final int maxAnswers;
    private final int maxQuestionId;
    private final int maxAnswer;

    RequestConstraints(Validator validator) {
        this.validator = validator;
        ValidatorBounds bounds = new ValidatorBounds(validator);
        this.plainCheck = Stream.of(TriageRequest.class, SymptomReport.class, VitalSigns.class, LabResults.class,
                InterviewAnswer.class).allMatch(this::enforcedAll);
        this.age = bounds.range(TriageRequest.class, "age");
        this.hoursSinceOnset = bounds.range(SymptomReport.class, "hoursSinceOnset");
        this.hoursSinceLastKnownWell = bounds.range(SymptomReport.class, "hoursSinceLastKnownWell");
        this.vitals = Stream.of("respiratoryRate", "oxygenSaturation", "systolicBloodPressure", "heartRate", "temperature",
                "bloodGlucose").map(p -> bounds.range(VitalSigns.class, p)).toList();
        this.labs = Stream.of("potassium", "sodium", "calcium", "creatineKinase").map(p -> bounds.range(LabResults.class, p)).toList();
        this.maxSymptomCode = bounds.maxSize(SymptomReport.class, "code");
        this.maxLocations = bounds.maxSize(SymptomReport.class, "locations");
        this.maxRiskFactors = Math.min(bounds.maxSize(TriageRequest.class, "riskFactors"),
                bounds.maxSize(TriageRequest.class, "absentRiskFactors"));
        this.maxRiskFactorCode = Math.min(bounds.maxElementSize(TriageRequest.class, "riskFactors"),
                bounds.maxElementSize(TriageRequest.class, "absentRiskFactors"));
        this.maxAnswers = bounds.maxSize(TriageRequest.class, "answers");
        this.maxQuestionId = bounds.maxSize(InterviewAnswer.class, "question");
        this.maxAnswer = bounds.maxSize(InterviewAnswer.class, "answer");
    }

    /** Refuses a request that breaks a constraint: 400 with the validator's violations as field errors. */
    void check(TriageRequest request) {
        if (plainlyValid(request)) {
            return;
        }
        Set<ConstraintViolation<TriageRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
    }

    /** True only when every constraint plainly holds; false when one fails or the check is not sure. */
    boolean plainlyValid(TriageRequest request) {
        if (!plainCheck || !age.holds(request.age())) {
            return false;
        }
        List<SymptomReport> symptoms = request.symptoms();
        if (symptoms == null || symptoms.isEmpty()) {
            return false;
        }
        for (SymptomReport symptom : symptoms) {
            if (symptom == null || !plainlyValid(symptom)) {
                return false;
            }
        }
        return plainCodes(request.riskFactors()) && plainCodes(request.absentRiskFactors())
                && (request.vitals() == null || plainlyValid(request.vitals()))
                && (request.labs() == null || plainlyValid(request.labs())) && plainAnswers(request.answers());
    }

    private boolean plainAnswers(List<InterviewAnswer> answers) {
        if (answers == null) {
            return true;
        }
        if (answers.size() > maxAnswers) {
            return false;
        }
        for (InterviewAnswer answer : answers) {
            if (answer == null || !plainCode(answer.question(), maxQuestionId) || !plainCode(answer.answer(), maxAnswer)) {
                return false;
            }
        }
        return true;
    }

    private boolean plainlyValid(SymptomReport symptom) {
        if (!plainCode(symptom.code(), maxSymptomCode)) {
            return false;
        }
        if (symptom.locations() != null) {
            if (symptom.locations().size() > maxLocations) {
                return false;
            }
            for (Object location : symptom.locations()) {
                if (location == null) {
                    return false;
                }
            }
        }
        return hoursSinceOnset.holds(symptom.hoursSinceOnset())
                && hoursSinceLastKnownWell.holds(symptom.hoursSinceLastKnownWell());
    }

    private boolean plainlyValid(VitalSigns v) {
        return vitals.get(0).holds(v.respiratoryRate()) && vitals.get(1).holds(v.oxygenSaturation())
                && vitals.get(2).holds(v.systolicBloodPressure()) && vitals.get(3).holds(v.heartRate())
                && vitals.get(4).holds(v.temperature()) && vitals.get(5).holds(v.bloodGlucose());
    }

    private boolean plainlyValid(LabResults l) {
        return labs.get(0).holds(l.potassium()) && labs.get(1).holds(l.sodium()) && labs.get(2).holds(l.calcium())
                && labs.get(3).holds(l.creatineKinase());
    }

    private boolean plainCodes(List<String> codes) {
        if (codes == null) {
            return true;
        }
        if (codes.size() > maxRiskFactors) {
            return false;
        }
        for (String code : codes) {
            if (!plainCode(code, maxRiskFactorCode)) {
                return false;
            }
        }
        return true;
    }

    /**
     * At most {@code max} characters and plainly not blank: its first character is neither whitespace
     * ({@code String.isBlank}, which Hibernate Validator 9 uses) nor at or below the space ({@code trim}, which older
     * versions used).
     */
    private static boolean plainCode(String code, int max) {
        if (code == null || code.isEmpty() || code.length() > max) {
            return false;
        }
        char first = code.charAt(0);
        return first > ' ' && !Character.isWhitespace(first);
    }

    /** True when the plain check enforces every constraint of the type, and follows exactly the nested records it reads. */
    private boolean enforcedAll(Class<?> type) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        if (!bean.getConstraintDescriptors().isEmpty()) {
            return false; // a class-level constraint
        }
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            String key = type.getSimpleName() + "." + property.getPropertyName();
            if (!enforced(key, property.getConstraintDescriptors(), property.isCascaded())) {
                return false;
            }
            for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                if (!element.getConstrainedContainerElementTypes().isEmpty()
                        || !enforced(key + "[]", element.getConstraintDescriptors(), element.isCascaded())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean enforced(String key, Set<ConstraintDescriptor<?>> constraints, boolean cascaded) {
        if (cascaded && !FOLLOWED.contains(key)) {
            return false;
        }
        Set<Class<? extends Annotation>> known = ENFORCED.getOrDefault(key, Set.of());
        return constraints.stream().allMatch(c -> known.contains(c.getAnnotation().annotationType())
                && c.getComposingConstraints().isEmpty()
                && !(c.getAnnotation() instanceof Size size && size.min() > 0));
    }
}
