package dev.triageapi.triage.facts;

/** A risk factor the patient reported, e.g. {@code diuretic_use}. Unreported risk factors are unknown, not absent. */
public record RiskFactor(String code) {

    /** JavaBean accessor so that DRL constraints can read {@code code}. */
    public String getCode() {
        return code;
    }
}
