package dev.triageapi.triage.api;

import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

/** The bounds a property's constraints allow, read from the validator's own metadata, for the plain check. */
final class ValidatorBounds {

    /** An inclusive range of a number; null values always pass (every number is optional). */
    record Range(double min, double max) {
        boolean holds(Number value) {
            return value == null || Double.isFinite(value.doubleValue()) && value.doubleValue() >= min && value.doubleValue() <= max;
        }
    }

    private final Validator validator;

    ValidatorBounds(Validator validator) {
        this.validator = validator;
    }

    /** The smallest @Size max on the property; unbounded when there is none. */
    int maxSize(Class<?> type, String name) {
        return smallestMax(constraints(type, name));
    }

    /** The smallest @Size max on the elements of the property (a list); unbounded when there is none. */
    int maxElementSize(Class<?> type, String name) {
        return smallestMax(elementConstraints(type, name));
    }

    /** The property's constraints; none when it carries none any more (then the validator checks nothing there either). */
    private Set<ConstraintDescriptor<?>> constraints(Class<?> type, String name) {
        PropertyDescriptor property = validator.getConstraintsForClass(type).getConstraintsForProperty(name);
        return property == null ? Set.of() : property.getConstraintDescriptors();
    }

    private Set<ConstraintDescriptor<?>> elementConstraints(Class<?> type, String name) {
        PropertyDescriptor property = validator.getConstraintsForClass(type).getConstraintsForProperty(name);
        return property == null ? Set.of() : property.getConstrainedContainerElementTypes().stream()
                .flatMap(element -> element.getConstraintDescriptors().stream()).collect(Collectors.toSet());
    }

    /**
     * The inclusive range the property's @Min, @Max, @DecimalMin and @DecimalMax allow, each decimal bound rounded
     * inward to a double (the validator compares exact decimals; an exclusive bound is moved just inside).
     */
    Range range(Class<?> type, String name) {
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        for (ConstraintDescriptor<?> c : constraints(type, name)) {
            Annotation a = c.getAnnotation();
            if (a instanceof Min m) {
                min = Math.max(min, m.value());
            } else if (a instanceof Max m) {
                max = Math.min(max, m.value());
            } else if (a instanceof DecimalMin m) {
                min = Math.max(min, inward(new BigDecimal(m.value()), m.inclusive(), true));
            } else if (a instanceof DecimalMax m) {
                max = Math.min(max, inward(new BigDecimal(m.value()), m.inclusive(), false));
            }
        }
        return new Range(min, max);
    }

    /** The double nearest a decimal bound that never lets through a value the exact bound refuses. */
    static double inward(BigDecimal bound, boolean inclusive, boolean lower) {
        double d = bound.doubleValue();
        int side = BigDecimal.valueOf(d).compareTo(bound);
        if (lower) {
            return side < 0 || side == 0 && !inclusive ? Math.nextUp(d) : d;
        }
        return side > 0 || side == 0 && !inclusive ? Math.nextDown(d) : d;
    }

    /** The smallest @Size max among these constraints; unbounded when there is none. */
    private static int smallestMax(Set<ConstraintDescriptor<?>> constraints) {
        return constraints.stream().map(ConstraintDescriptor::getAnnotation).filter(Size.class::isInstance)
                .mapToInt(a -> ((Size) a).max()).min().orElse(Integer.MAX_VALUE);
    }
}
