package dev.triageapi.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Limits on what a request may contain, under {@code triage.api.}; the body size limit is {@code quarkus.http.limits.max-body-size}. */
@ConfigMapping(prefix = "triage.api")
public interface ApiConfig {

    /** Most symptoms one request may report (the contract allows at most 50). */
    @WithDefault("50")
    @Min(1) @Max(50)
    int maxSymptoms();

    /** Longest string value, in characters, that the JSON reader accepts anywhere in a body. */
    @WithDefault("1000")
    @Min(64)
    int maxStringLength();

    /** Deepest nesting of JSON arrays and objects the reader accepts (a valid request needs 4). */
    @WithDefault("16")
    @Min(4)
    int maxNestingDepth();

    /** Answer 400 for JSON fields the contract does not define, instead of ignoring them. */
    @WithDefault("false")
    boolean rejectUnknownFields();
}
