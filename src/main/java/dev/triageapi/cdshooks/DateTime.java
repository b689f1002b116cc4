package dev.triageapi.cdshooks;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A date-time as RFC 3339 writes it: a full date, a time with seconds, an optional fraction and {@code Z} or an
 * {@code HH:MM} offset, and a real instant ({@link OffsetDateTime#parse}); null is left to {@code @NotNull}.
 */
@Constraint(validatedBy = DateTime.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DateTime {

    /** The message of a violation. */
    String message() default "must be an RFC 3339 date-time";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};

    /** The RFC 3339 shape first, then a real date and time. */
    class Check implements ConstraintValidator<DateTime, String> {
        private static final Pattern SHAPE = Pattern.compile(
                "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!SHAPE.matcher(value).matches()) {
                return false;
            }
            try {
                OffsetDateTime.parse(value.toUpperCase(Locale.ROOT));
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
