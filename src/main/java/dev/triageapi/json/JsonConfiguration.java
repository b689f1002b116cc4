package dev.triageapi.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.http.SafeText;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Strict JSON reading: no silent coercion ("71" is not a number, 1 is not a string, 1.5 is not an age), duplicate
 * keys rejected, and tight limits on nesting and string length so a hostile body costs little. Unknown fields are
 * ignored unless {@code triage.api.reject-unknown-fields} is set: older servers then accept newer clients, and since a
 * missing modifier means "unknown", ignoring one never lowers the urgency. Those of a triage request are listed for its
 * answer ({@link UnknownFields}), so a misspelt field is never dropped without a word.
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
        mapper.addHandler(new RecordUnknownFields());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(config.maxNestingDepth())
                .maxStringLength(config.maxStringLength())
                .maxNumberLength(64)
                .build());
    }

    /**
     * Notes the path of each unknown field of a {@link ReportUnknownFields} type in this request's {@link UnknownFields}
     * and skips it; with {@code triage.api.reject-unknown-fields} it leaves the field to Jackson, which refuses it.
     */
    private final class RecordUnknownFields extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
            ReportUnknownFields report = type == null ? null : type.getAnnotation(ReportUnknownFields.class);
            if (config.rejectUnknownFields() || report == null) {
                return false;
            }
            ManagedContext requests = Arc.container().requestContext();
            if (requests.isActive()) {
                Arc.container().instance(UnknownFields.class).get().add(path(report.at(), parser, propertyName));
            }
            parser.skipChildren();
            return true;
        }
    }

    /**
     * The JSON path of an unknown field of an object that sits {@code at} a place of the request: {@code onsett} of a
     * symptom is {@code symptoms[0].onsett}, the index taken from the nearest list the parser is in. The field name
     * comes from the client: it is kept only when it is a plain identifier, else written {@code ?}, so that no markup
     * or control character a client sent is ever repeated in an answer.
     */
    static String path(String at, JsonParser parser, String field) {
        String name = SafeText.fieldName(field);
        if (at.isEmpty()) {
            return name;
        }
        if (!at.endsWith("[]")) {
            return at + "." + name;
        }
        JsonStreamContext c = parser.getParsingContext();
        while (c != null && !c.inArray()) {
            c = c.getParent();
        }
        return at.substring(0, at.length() - 2) + "[" + (c == null ? "?" : String.valueOf(c.getCurrentIndex())) + "]." + name;
    }
}
