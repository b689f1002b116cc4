package dev.triageapi.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.triageapi.config.TriageConfig;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict JSON reading: no silent coercion ("71" is not a number, 1 is not a string, 1.5 is not an age), duplicate
 * keys rejected, and
 * tight limits on nesting and string length so a hostile body costs little. Unknown fields are ignored unless
 * {@code triage.api.reject-unknown-fields} is set: older servers then accept newer clients, and since a missing
 * modifier means "unknown", ignoring one never lowers the urgency.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    private final TriageConfig.Api config;

    JsonConfiguration(TriageConfig config) {
        this.config = config.api();
    }

    @Override
    @SuppressWarnings("deprecation") // MapperFeature can only be set on a built mapper this way
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, config.rejectUnknownFields());
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        // The other direction too: 1 is not the string "1" (a CDS hookInstance, a symptom code).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(config.maxNestingDepth())
                .maxStringLength(config.maxStringLength())
                .maxNumberLength(64)
                .build());
    }
}
