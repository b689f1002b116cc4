package dev.triageapi.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Final touches on the served OpenAPI document: every {@code /api/} and CDS operation documents the 401 it answers when
 * API keys are configured, and a {@code $ref} schema carries no redundant {@code type} (code generators warn on it).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiDocumentFilter implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") || path.startsWith("/cds-services")) {
                item.getOperations().values().forEach(operation -> operation.getResponses()
                        .addAPIResponse("401", OASFactory.createAPIResponse().ref("#/components/responses/Unauthorized")));
            }
        });
    }
}
