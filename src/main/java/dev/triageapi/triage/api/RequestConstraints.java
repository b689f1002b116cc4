package dev.triageapi.triage.api;

import dev.triageapi.http.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.List;
import java.util.Set;

/**
 * Checks a request against the Bean Validation constraints on {@link TriageRequest}, {@link SymptomReport} and
 * {@link VitalsReport}, which stay the one statement of them (the OpenAPI document and the 400 messages come from
 * them). A request that plainly meets them all, as nearly every real one does, passes on a few comparisons; any other
 * is handed to the {@link Validator}, which states its violations exactly as before. The plain check only has to be
 * sound (never pass a request the validator would refuse); {@code RequestConstraintsTest} holds it to that.
 */
final class RequestConstraints {

    // The bounds of the records' @Size constraints, which RequestConstraintsTest checks these against.
    private static final int MAX_CODE = 64;
    private static final int MAX_RISK_FACTORS = 50;
    private static final int MAX_LOCATIONS = 10;

    private RequestConstraints() {
    }

    /** Refuses a request that breaks a constraint: 400 with the validator's violations as field errors. */
    static void check(Validator validator, TriageRequest request) {
        if (plainlyValid(request)) {
            return;
        }
        Set<ConstraintViolation<TriageRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
    }

    /** True only when every constraint plainly holds; false when one fails or the check is not sure. */
    static boolean plainlyValid(TriageRequest request) {
        if (request.age() != null && (request.age() < 0 || request.age() > 120)) {
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

    private static boolean plainlyValid(SymptomReport symptom) {
        if (!plainCode(symptom.code())) {
            return false;
        }
        if (symptom.locations() != null) {
            if (symptom.locations().size() > MAX_LOCATIONS) {
                return false;
            }
            for (Object location : symptom.locations()) {
                if (location == null) {
                    return false;
                }
            }
        }
        return within(symptom.hoursSinceOnset(), 0, 1_051_200);
    }

    private static boolean plainlyValid(VitalsReport v) {
        return within(v.respiratoryRate(), 1, 80) && within(v.oxygenSaturation(), 50, 100)
                && within(v.systolicBloodPressure(), 40, 300) && within(v.heartRate(), 20, 250)
                && within(v.temperature(), 25, 45) && within(v.bloodGlucose(), 0.5, 60);
    }

    private static boolean plainCodes(List<String> codes) {
        if (codes == null) {
            return true;
        }
        if (codes.size() > MAX_RISK_FACTORS) {
            return false;
        }
        for (String code : codes) {
            if (!plainCode(code)) {
                return false;
            }
        }
        return true;
    }

    /**
     * At most {@link #MAX_CODE} characters and plainly not blank: its first character is neither whitespace
     * ({@code String.isBlank}, which Hibernate Validator 9 uses) nor at or below the space ({@code trim}, which older
     * versions used).
     */
    private static boolean plainCode(String code) {
        if (code == null || code.isEmpty() || code.length() > MAX_CODE) {
            return false;
        }
        char first = code.charAt(0);
        return first > ' ' && !Character.isWhitespace(first);
    }

    private static boolean within(Integer value, int min, int max) {
        return value == null || (value >= min && value <= max);
    }

    /** Finite and inside the inclusive bounds; NaN and infinities go to the validator. */
    private static boolean within(Double value, double min, double max) {
        return value == null || (Double.isFinite(value) && value >= min && value <= max);
    }
}
