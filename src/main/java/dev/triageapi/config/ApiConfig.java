package dev.triageapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits on what a request may contain, under {@code triage.api.}; the body size limit is
 * {@code quarkus.http.limits.max-body-size}. {@link ApiConfigCheck} refuses to start with values outside the ranges
 * given here (checked in code: Bean Validation on a config mapping costs a validator bootstrap at every start).
 */
@ConfigMapping(prefix = "triage.api")
public interface ApiConfig {

    /** Most symptoms one request may report (the contract allows at most 50). */
    @WithDefault("50")
    int maxSymptoms();

    /** Longest string value, in characters, that the JSON reader accepts anywhere in a body. */
    @WithDefault("1000")
    int maxStringLength();

    /** Deepest nesting of JSON arrays and objects the reader accepts (a valid request needs 4). */
    @WithDefault("16")
    int maxNestingDepth();

    /** Longest time a client may take to send a request body once its headers arrived; a slower one gets 408. */
    @WithDefault("10s")
    Duration bodyTimeout();

    /** Answer 400 for JSON fields the contract does not define, instead of ignoring them. */
    @WithDefault("false")
    boolean rejectUnknownFields();

    /** What is wrong with these limits: max-symptoms 1 to 50, max-string-length at least 64, max-nesting-depth at least 4. */
    static List<String> problems(ApiConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.maxSymptoms() < 1 || config.maxSymptoms() > 50) {
            problems.add("triage.api.max-symptoms must be between 1 and 50, is " + config.maxSymptoms());
        }
        if (config.maxStringLength() < 64) {
            problems.add("triage.api.max-string-length must be at least 64, is " + config.maxStringLength());
        }
        if (config.bodyTimeout().isNegative() || config.bodyTimeout().isZero()) {
            problems.add("triage.api.body-timeout must be positive, is " + config.bodyTimeout());
        }
        if (config.maxNestingDepth() < 4) {
            problems.add("triage.api.max-nesting-depth must be at least 4 (a valid request needs 4), is " + config.maxNestingDepth());
        }
        return problems;
    }
}
