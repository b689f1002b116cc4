package dev.triageapi.triage.facts;

/**
 * A risk factor the patient was asked about and denied, e.g. {@code immunosuppression}. Only an explicit denial makes
 * one: a risk factor not reported either way is unknown, and no rule may read its absence as "no".
 */
public record RiskFactorAbsent(String code) {

    /** JavaBean accessor so that DRL constraints can read {@code code}. */
    public String getCode() {
        return code;
    }
}
