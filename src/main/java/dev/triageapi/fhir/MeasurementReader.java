package dev.triageapi.fhir;

import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.triage.facts.LabResults;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Consciousness;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the measurement Observations of one Bundle: vital signs and glucose (the FHIR R4 vital signs profile's LOINC
 * codes) into the request's {@link VitalSigns}, and laboratory results into its {@link LabResults}. The latest value
 * of each parameter counts, in the units UCUM gives it, if taken recently enough to describe the patient now (a vital
 * sign within 6 hours, a laboratory result within 3 days); older ones are listed as not used. A value in a unit this
 * reader does not convert is listed, never guessed at. Out-of-range values reach the request's own checks.
 */
final class MeasurementReader {

    /** What a parameter is, with how old its value may be and still describe the patient now. */
    enum Kind {
        VITAL_SIGN("vitals", "a vital sign", Duration.ofHours(6)),
        LABORATORY_RESULT("labs", "a laboratory result", Duration.ofDays(3));

        /** The request's object the kind fills. */
        final String object;
        final String noun;
        final Duration current;

        Kind(String object, String noun, Duration current) {
            this.object = object;
            this.noun = noun;
            this.current = current;
        }

        String currentInWords() {
            return current.toDays() > 0 ? current.toDays() + " days" : current.toHours() + " hours";
        }
    }

    /** The parameters, each with its LOINC codes and the UCUM units accepted, with what each is divided by to reach the unit of the contract. */
    enum Parameter {
        RESPIRATORY_RATE("respiratoryRate", List.of("9279-1"), Map.of("/min", 1.0, "{breaths}/min", 1.0, "{breath}/min", 1.0)),
        OXYGEN_SATURATION("oxygenSaturation", List.of("59408-5", "2708-6"), Map.of("%", 1.0)),
        SYSTOLIC("systolicBloodPressure", List.of("8480-6"), Map.of("mm[Hg]", 1.0)),
        HEART_RATE("heartRate", List.of("8867-4"), Map.of("/min", 1.0, "{beats}/min", 1.0, "{beat}/min", 1.0)),
        TEMPERATURE("temperature", List.of("8310-5", "8331-1"), Map.of("Cel", 1.0)),
        // UCUM has both "L" and "l" for the litre, and EHRs (the FHIR specification's own glucose example) use both.
        GLUCOSE("bloodGlucose", List.of("15074-8", "14749-6", "2339-0", "2345-7", "41653-7"),
                Map.of("mmol/L", 1.0, "mmol/l", 1.0, "mg/dL", 18.016, "mg/dl", 18.016)),
        OXYGEN_FLOW("onSupplementalOxygen", List.of("3151-8"), Map.of("L/min", 1.0)),
        // Serum or plasma, and whole blood as a blood gas analyser reports it; a milliequivalent of a monovalent ion
        // is a millimole.
        POTASSIUM(Kind.LABORATORY_RESULT, "potassium", List.of("2823-3", "6298-4"), Map.of("mmol/L", 1.0, "mmol/l", 1.0, "meq/L", 1.0, "meq/l", 1.0, "mEq/L", 1.0)),
        SODIUM(Kind.LABORATORY_RESULT, "sodium", List.of("2951-2", "2947-0"), Map.of("mmol/L", 1.0, "mmol/l", 1.0, "meq/L", 1.0, "meq/l", 1.0, "mEq/L", 1.0)),
        // Only the albumin-adjusted calcium: a total calcium misleads when the albumin is low, as it often is in the ill.
        CALCIUM(Kind.LABORATORY_RESULT, "calcium", List.of("29265-6"), Map.of("mmol/L", 1.0, "mmol/l", 1.0, "mg/dL", 4.008, "mg/dl", 4.008)),
        CREATINE_KINASE(Kind.LABORATORY_RESULT, "creatineKinase", List.of("2157-6"), Map.of("U/L", 1.0, "U/l", 1.0, "[IU]/L", 1.0));

        final Kind kind;
        /** The field of the request's object the parameter fills. */
        final String field;
        final List<String> loinc;
        final Map<String, Double> divisorByUnit;

        Parameter(String field, List<String> loinc, Map<String, Double> divisorByUnit) {
            this(Kind.VITAL_SIGN, field, loinc, divisorByUnit);
        }

        Parameter(Kind kind, String field, List<String> loinc, Map<String, Double> divisorByUnit) {
            this.kind = kind;
            this.field = field;
            this.loinc = loinc;
            this.divisorByUnit = divisorByUnit;
        }

        /**
         * How far a laboratory result is from normal: from the middle of the normal range for an electrolyte, upward
         * for creatine kinase. Of two results taken at the same moment, the one further from normal counts.
         */
        double distanceFromNormal(double value) {
            return switch (this) {
                case POTASSIUM -> Math.abs(value - 4.2);
                case SODIUM -> Math.abs(value - 140);
                case CALCIUM -> Math.abs(value - 2.4);
                default -> value;
            };
        }
    }

    /** Total and ionised calcium, which are not read: only the albumin-adjusted calcium is. */
    static final List<String> OTHER_CALCIUM = List.of("2000-8", "17861-6", "1994-3", "1995-0", "49765-1");

    /** LOINC's blood pressure panel, whose systolic component this reader takes. */
    static final String BLOOD_PRESSURE_PANEL = "85354-9";

    private final Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
    private final Map<Parameter, Instant> taken = new EnumMap<>(Parameter.class);
    private final Map<Parameter, String> paths = new EnumMap<>(Parameter.class);
    private final Map<Parameter, String> valuePaths = new EnumMap<>(Parameter.class);

    /**
     * The parameters an Observation measures: its own code when it is one of ours (a blood pressure panel counts as
     * systolic), else, for an Observation with no value of its own, every one of ours among its components, as a
     * laboratory panel (a metabolic panel, LOINC 24323-8) holds its potassium, sodium or glucose. A record with a value
     * of its own (a symptom) is read as that record; a measurement in one of its components is not its subject.
     */
    static List<Parameter> parametersOf(Observation observation) {
        Optional<Parameter> own = parameterOf(observation);
        if (own.isPresent()) {
            return List.of(own.get());
        }
        if (observation.hasValue()) {
            return List.of();
        }
        List<Parameter> inPanel = new ArrayList<>();
        for (var component : observation.getComponent()) {
            for (Coding coding : component.getCode().getCoding()) {
                for (Parameter p : Parameter.values()) {
                    if (FhirCodes.LOINC.equals(coding.getSystem()) && p.loinc.contains(coding.getCode()) && !inPanel.contains(p)) {
                        inPanel.add(p);
                    }
                }
            }
        }
        return inPanel;
    }

    /** The parameter an Observation's own code measures, if it is one of ours (a blood pressure panel counts as systolic). */
    private static Optional<Parameter> parameterOf(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            if (FhirCodes.LOINC.equals(coding.getSystem()) && coding.getCode() != null) {
                if (BLOOD_PRESSURE_PANEL.equals(coding.getCode())) {
                    return Optional.of(Parameter.SYSTOLIC);
                }
                for (Parameter p : Parameter.values()) {
                    if (p.loinc.contains(coding.getCode())) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one measurement Observation taken at {@code when} (empty when the record gives no time); what it cannot use
     * is added to {@code unused} with the reason. A vital sign without a time is taken as measured now, as a device
     * feed sends it; a laboratory result without one counts only when no dated result of the same kind is given,
     * since a result of unknown age must not replace a dated one.
     */
    void read(Observation observation, Parameter parameter, Optional<Instant> when, Instant now, String path, List<UnusedInput> unused) {
        Kind kind = parameter.kind;
        Instant recorded = when.orElse(kind == Kind.VITAL_SIGN ? now : Instant.MIN);
        if (when.isPresent() && recorded.isBefore(now.minus(kind.current))) {
            unused.add(new UnusedInput(path, kind.noun + " measured more than " + kind.currentInWords()
                    + " ago does not describe the patient now"));
            return;
        }
        Quantity quantity = null;
        String valuePath = path + ".value";
        if (observation.hasValueQuantity()) {
            quantity = observation.getValueQuantity();
        } else {
            // A panel holds its results in components (the blood pressure panel its systolic, a metabolic panel its
            // potassium); some device feeds put any vital sign there.
            List<String> codes = parameter == Parameter.SYSTOLIC ? List.of("8480-6") : parameter.loinc;
            for (int i = 0; i < observation.getComponent().size() && quantity == null; i++) {
                var component = observation.getComponent().get(i);
                if (component.hasValueQuantity() && component.getCode().getCoding().stream()
                        .anyMatch(c -> FhirCodes.LOINC.equals(c.getSystem()) && c.getCode() != null && codes.contains(c.getCode()))) {
                    quantity = component.getValueQuantity();
                    valuePath = path + ".component[" + i + "].value";
                }
            }
        }
        if (quantity == null || !quantity.hasValue()) {
            unused.add(new UnusedInput(valuePath, kind.noun + " without a Quantity value"));
            return;
        }
        Optional<Double> value = inContractUnit(parameter, quantity);
        if (value.isEmpty()) {
            unused.add(new UnusedInput(valuePath, kind.noun + " in a unit this service does not convert (send UCUM "
                    + String.join(" or ", parameter.divisorByUnit.keySet().stream().sorted().toList()) + ")"));
            return;
        }
        Instant earlier = taken.get(parameter);
        if (earlier != null && kind == Kind.LABORATORY_RESULT && earlier.equals(recorded)) {
            // Two results of the same moment (a serum and a blood-gas potassium): the one further from normal counts,
            // whichever comes first in the Bundle.
            boolean further = parameter.distanceFromNormal(value.get()) > parameter.distanceFromNormal(values.get(parameter));
            String reason = "another result for " + kind.object + "." + parameter.field + " taken at the same time is further "
                    + "from normal: it counts";
            unused.add(new UnusedInput(further ? paths.get(parameter) : path, reason));
            if (!further) {
                return;
            }
        } else if (earlier != null && earlier.isAfter(recorded)) {
            unused.add(new UnusedInput(path, when.isEmpty() ? kind.noun + " without a date does not replace a dated one"
                    : "an earlier measurement of " + kind.noun + " measured again later: the latest counts"));
            return;
        } else if (earlier != null) {
            unused.add(new UnusedInput(paths.get(parameter), "an earlier measurement of " + kind.noun + " measured again later: the latest counts"));
        }
        values.put(parameter, value.get());
        taken.put(parameter, recorded);
        paths.put(parameter, path);
        valuePaths.put(parameter, valuePath);
    }

    /** Where each measurement of the request was read: the request's field to the Bundle path of its value. */
    Map<String, String> sources() {
        Map<String, String> sources = new HashMap<>();
        valuePaths.forEach((parameter, path) -> sources.put(parameter.kind.object + "." + parameter.field, path));
        return sources;
    }

    private static Optional<Double> inContractUnit(Parameter parameter, Quantity quantity) {
        String unit = quantity.hasCode() && FhirCodes.UCUM.equals(quantity.getSystem()) ? quantity.getCode() : null;
        if (parameter == Parameter.TEMPERATURE && "[degF]".equals(unit)) {
            return Optional.of((quantity.getValue().doubleValue() - 32) * 5 / 9);
        }
        Double divisor = unit == null ? null : parameter.divisorByUnit.get(unit);
        if (divisor == null) {
            return Optional.empty();
        }
        double value = quantity.getValue().doubleValue() / divisor;
        // "<2.5" is below 2.5 and ">7.0" above 7.0: moved just past the bound, so a rule reading "below 2.5" sees it.
        return Optional.of(switch (quantity.hasComparator() ? quantity.getComparator() : Quantity.QuantityComparator.NULL) {
            case LESS_THAN -> Math.nextDown(value);
            case GREATER_THAN -> Math.nextUp(value);
            default -> value;
        });
    }

    /** The vital signs read, or null when none was. */
    VitalSigns vitals() {
        if (values.keySet().stream().noneMatch(p -> p.kind == Kind.VITAL_SIGN)) {
            return null;
        }
        Double flow = values.get(Parameter.OXYGEN_FLOW);
        return new VitalSigns(whole(Parameter.RESPIRATORY_RATE), whole(Parameter.OXYGEN_SATURATION), flow == null ? null : flow > 0,
                whole(Parameter.SYSTOLIC), whole(Parameter.HEART_RATE), tenth(Parameter.TEMPERATURE), (Consciousness) null,
                tenth(Parameter.GLUCOSE));
    }

    /** The laboratory results read, as reported (no rounding moves a value across a threshold), or null when none was. */
    LabResults labs() {
        LabResults labs = new LabResults(values.get(Parameter.POTASSIUM), values.get(Parameter.SODIUM),
                values.get(Parameter.CALCIUM), values.get(Parameter.CREATINE_KINASE));
        return labs.noneGiven() ? null : labs;
    }

    /** Rounded to a whole number; a value beyond int's range saturates, so the range check refuses it as too large or small. */
    private Integer whole(Parameter p) {
        Double v = values.get(p);
        return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(v)));
    }

    /** To one decimal, as the NEWS2 chart reads a temperature and a meter shows a glucose. */
    private Double tenth(Parameter p) {
        Double v = values.get(p);
        return v == null ? null : BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
