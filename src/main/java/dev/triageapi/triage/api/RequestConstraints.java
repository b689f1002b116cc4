package dev.triageapi.triage.api;

import dev.triageapi.http.InvalidRequestException;
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
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a request against the Bean Validation constraints on {@link TriageRequest}, {@link SymptomReport} and
 * {@link VitalsReport}, the one statement of them (the OpenAPI document and the 400 messages come from them too). A
 * request that plainly meets them all, as nearly every real one does, passes on a few comparisons against bounds read
 * from the validator's own metadata when the service starts; any other is handed to the {@link Validator}, which
 * states its violations. The plain check only has to be sound (never pass a request the validator would refuse): it
 * knows the constraint types below, and if a record ever carries one it does not know, it stands aside and the
 * validator sees every request. {@code RequestConstraintsTest} holds it to that on seeded requests around every bound.
 */
final class RequestConstraints {

    /** The constraint types the plain check reads; any other on these records switches it off. */
    private static final Set<Class<? extends Annotation>> KNOWN = Set.of(NotNull.class, NotBlank.class, NotEmpty.class,
            Size.class, Min.class, Max.class, DecimalMin.class, DecimalMax.class);

    /** An inclusive range of a number; null values always pass (every number is optional). */
    private record Range(double min, double max) {
        boolean holds(Number value) {
            return value == null || Double.isFinite(value.doubleValue()) && value.doubleValue() >= min && value.doubleValue() <= max;
        }
    }

    private final Validator validator;
    private final boolean plainCheck;
    private final Range age;
    private final Range hoursSinceOnset;
    private final List<Range> vitals;
    private final int maxSymptomCode;
    private final int maxLocations;
    private final int maxRiskFactors;
    private final int maxRiskFactorCode;

    RequestConstraints(Validator validator) {
        this.validator = validator;
        this.plainCheck = Stream.of(TriageRequest.class, SymptomReport.class, VitalsReport.class).allMatch(this::onlyKnown);
        this.age = range(TriageRequest.class, "age");
        this.hoursSinceOnset = range(SymptomReport.class, "hoursSinceOnset");
        this.vitals = Stream.of("respiratoryRate", "oxygenSaturation", "systolicBloodPressure", "heartRate", "temperature",
                "bloodGlucose").map(p -> range(VitalsReport.class, p)).toList();
        this.maxSymptomCode = maxSize(property(SymptomReport.class, "code").getConstraintDescriptors());
        this.maxLocations = maxSize(property(SymptomReport.class, "locations").getConstraintDescriptors());
        this.maxRiskFactors = Math.min(maxSize(property(TriageRequest.class, "riskFactors").getConstraintDescriptors()),
                maxSize(property(TriageRequest.class, "absentRiskFactors").getConstraintDescriptors()));
        this.maxRiskFactorCode = Math.min(elementMaxSize(TriageRequest.class, "riskFactors"),
                elementMaxSize(TriageRequest.class, "absentRiskFactors"));
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
                && (request.vitals() == null || plainlyValid(request.vitals()));
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
        return hoursSinceOnset.holds(symptom.hoursSinceOnset());
    }

    private boolean plainlyValid(VitalsReport v) {
        return vitals.get(0).holds(v.respiratoryRate()) && vitals.get(1).holds(v.oxygenSaturation())
                && vitals.get(2).holds(v.systolicBloodPressure()) && vitals.get(3).holds(v.heartRate())
                && vitals.get(4).holds(v.temperature()) && vitals.get(5).holds(v.bloodGlucose());
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

    private PropertyDescriptor property(Class<?> type, String name) {
        PropertyDescriptor property = validator.getConstraintsForClass(type).getConstraintsForProperty(name);
        if (property == null) {
            throw new IllegalStateException(type.getSimpleName() + "." + name + " carries no constraint to read");
        }
        return property;
    }

    /** The inclusive range the property's @Min, @Max, @DecimalMin and @DecimalMax allow (an exclusive bound just inside). */
    private Range range(Class<?> type, String name) {
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        for (ConstraintDescriptor<?> c : property(type, name).getConstraintDescriptors()) {
            Annotation a = c.getAnnotation();
            if (a instanceof Min m) {
                min = Math.max(min, m.value());
            } else if (a instanceof Max m) {
                max = Math.min(max, m.value());
            } else if (a instanceof DecimalMin m) {
                double bound = Double.parseDouble(m.value());
                min = Math.max(min, m.inclusive() ? bound : Math.nextUp(bound));
            } else if (a instanceof DecimalMax m) {
                double bound = Double.parseDouble(m.value());
                max = Math.min(max, m.inclusive() ? bound : Math.nextDown(bound));
            }
        }
        return new Range(min, max);
    }

    private static int maxSize(Set<ConstraintDescriptor<?>> constraints) {
        return constraints.stream().map(ConstraintDescriptor::getAnnotation).filter(Size.class::isInstance)
                .mapToInt(a -> ((Size) a).max()).min().orElse(Integer.MAX_VALUE);
    }

    private int elementMaxSize(Class<?> type, String name) {
        return property(type, name).getConstrainedContainerElementTypes().stream()
                .mapToInt(element -> maxSize(element.getConstraintDescriptors())).min().orElse(Integer.MAX_VALUE);
    }

    /** True when every constraint on the type's properties and their elements is one the plain check reads. */
    private boolean onlyKnown(Class<?> type) {
        return validator.getConstraintsForClass(type).getConstrainedProperties().stream().allMatch(p ->
                p.getConstraintDescriptors().stream().allMatch(RequestConstraints::known)
                        && p.getConstrainedContainerElementTypes().stream().allMatch(RequestConstraints::onlyKnown));
    }

    private static boolean onlyKnown(ContainerElementTypeDescriptor element) {
        return element.getConstraintDescriptors().stream().allMatch(RequestConstraints::known)
                && element.getConstrainedContainerElementTypes().stream().allMatch(RequestConstraints::onlyKnown);
    }

    private static boolean known(ConstraintDescriptor<?> constraint) {
        return KNOWN.contains(constraint.getAnnotation().annotationType()) && constraint.getComposingConstraints().isEmpty();
    }
}
