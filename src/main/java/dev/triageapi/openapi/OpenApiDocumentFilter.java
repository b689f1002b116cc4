package dev.triageapi.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Final touches on the served OpenAPI document, by rule rather than by path: every operation documents the 401 it
 * answers when API keys are configured (every REST operation requires an API client), every operation that takes a
 * body its 408, 413 and 415, and a {@code $ref} schema carries no redundant {@code type} (code generators warn on it),
 * nor a nullable one a type that would refuse its null.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiDocumentFilter implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        // A nullable reference is "anyOf: [$ref, null]": a type beside it would refuse the null it allows.
        if (schema.getAnyOf() != null && schema.getType() != null
                && schema.getAnyOf().stream().anyMatch(s -> s.getRef() != null)) {
            schema.setType(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            APIResponses responses = operation.getResponses();
            add(responses, "401", "Unauthorized");
            if (operation.getRequestBody() != null) {
                add(responses, "408", "RequestTimeout");
                add(responses, "413", "PayloadTooLarge");
                add(responses, "415", "UnsupportedMediaType");
            }
        }));
    }

    /** Adds the shared response unless the operation documents that status itself. */
    private static void add(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }
}
