package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The intake form as a FHIR R4 Questionnaire, generated once from the catalog. */
@Path("/api/v1/fhir")
@Tag(name = "FHIR", description = "FHIR R4 intake and answers")
public class FhirResource {

    private final String questionnaire;

    FhirResource(FhirSupport fhir, Catalog catalog) {
        this.questionnaire = fhir.write(QuestionnaireFactory.build(catalog));
    }

    @GET
    @Path("/Questionnaire/" + FhirCodes.QUESTIONNAIRE_ID)
    @Produces({FhirCodes.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getIntakeQuestionnaire", summary = "Get the intake form as a FHIR Questionnaire",
            description = "Generated from the catalog: one yes/no item per symptom (coded with SNOMED CT where confirmed), its "
                    + "modifiers as nested items enabled when the answer is yes, and the risk factors. Render it, collect a "
                    + "QuestionnaireResponse and post it to POST /api/v1/triage/fhir.")
    @APIResponse(responseCode = "200", description = "The Questionnaire resource.",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R4 Questionnaire resource.")))
    public Response questionnaire() {
        return Response.ok(questionnaire, FhirCodes.MEDIA_TYPE).build();
    }
}
