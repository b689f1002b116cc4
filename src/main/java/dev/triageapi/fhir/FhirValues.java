package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.http.FieldError;
import dev.triageapi.vocabulary.Modifier;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * FHIR values as the triage request's types: numbers, whole numbers, booleans (also LOINC's yes and no), codes of
 * our choices (also as SNOMED CT codings), ages and hours (UCUM), each refused with a field error naming its path
 * when it is not one. Paths from the client are kept only when made of plain identifiers.
 */
final class FhirValues {

    /** "modifier snomedCode" to our value code. */
    private final Map<String, String> valueBySnomed = new LinkedHashMap<>();

    FhirValues(Catalog catalog) {
        catalog.modifiers().forEach(m -> m.values().stream().filter(v -> v.snomedCode() != null)
                .forEach(v -> valueBySnomed.put(m.code().code() + " " + v.snomedCode(), v.code())));
    }

    /** A plain number (valueDecimal or valueInteger) in the unit the item's text names. */
    static Double number(Type value, String path, List<FieldError> errors) {
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

    static Integer whole(Type value, String path, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof IntegerType integer) {
            return integer.getValue();
        }
        errors.add(new FieldError(path, "expected a whole number (valueInteger)"));
        return null;
    }


    /** One FHIR answer read as the modifier's kind says: a coding of its choices, a number of hours, or a boolean. */
    Object read(Modifier modifier, Type value, String path, List<FieldError> errors) {
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

    static boolean hasCoding(CodeableConcept concept, String system, String code) {
        return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }

    /** The code an answer gives: a Coding's, a CodeableConcept's first coding's, or a primitive's value. */
    static String answerCode(Type value) {
        return value instanceof Coding coding ? coding.getCode()
                : value instanceof CodeableConcept concept && concept.hasCoding() ? concept.getCodingFirstRep().getCode()
                : value != null && value.isPrimitive() ? value.primitiveValue() : null;
    }

    static <E> E code(Type value, E[] values, Function<E, String> codeOf, String path, List<FieldError> errors) {
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

    static Boolean bool(Type value, String path, List<FieldError> errors) {
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
    static Integer years(Type value, String path, List<FieldError> errors) {
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

    static Double decimal(Type value, String path, List<FieldError> errors) {
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
    static Double hours(Quantity quantity, String path, List<FieldError> errors) {
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
    static String safe(String path) {
        return path.matches("[A-Za-z0-9_.\\[\\]-]{1,200}") ? path : "item";
    }
}
