package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalogs;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.vocabulary.Language;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.jboss.resteasy.reactive.RestHeader;

import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The service's FHIR R4 base: the intake form as a Questionnaire, generated once per language from the catalog, and its capabilities. */
@FhirEndpoint
@Path("/api/v1/fhir")
@Tag(name = "FHIR", description = "FHIR R4 intake and answers")
public class FhirResource {

    private final Map<Language, String> questionnaires = new EnumMap<>(Language.class);
    private final String capabilities;

    FhirResource(FhirSupport fhir, Catalogs catalogs, TriageConfig config) {
        for (Language language : Language.values()) {
            questionnaires.put(language, fhir.write(QuestionnaireFactory.build(catalogs.of(language))));
        }
        this.capabilities = fhir.write(capabilityStatement(config));
    }

    @GET
    @Path("/metadata")
    @Produces({FhirCodes.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(operationId = "getFhirCapabilities", summary = "Get the FHIR CapabilityStatement",
            description = "What this FHIR base serves: the intake Questionnaire (read), and triage of a QuestionnaireResponse "
                    + "or a Bundle of symptom Observations at POST /api/v1/triage/fhir, answered as a RiskAssessment.")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement resource.",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = "FhirResource")))
    public Response metadata(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        FhirMedia.requireAcceptable(accept);
        return Response.ok(capabilities, FhirCodes.MEDIA_TYPE).build();
    }

    private static CapabilityStatement capabilityStatement(TriageConfig config) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat(FhirCodes.MEDIA_TYPE).addFormat("json");
        statement.getSoftware().setName("Muscle weakness triage API");
        statement.getImplementation().setDescription("Rule-based triage of reported muscle-weakness symptoms");
        config.publicBaseUrl().ifPresent(base -> statement.getImplementation().setUrl(base.resolve("api/v1/fhir").toString()));
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("Triage: POST a QuestionnaireResponse to the intake Questionnaire, or a Bundle of symptom "
                        + "Observations coded as in the HL7 Symptoms IG, to /api/v1/triage/fhir; the answer is a "
                        + "RiskAssessment, and errors are OperationOutcomes. Times, statuses and what is not used are "
                        + "described in docs/integration.md.");
        rest.getSecurity().setDescription("Send an API key in X-API-Key when the service is configured with keys.");
        rest.addResource().setType("Questionnaire")
                .setDocumentation("The intake form, generated from the catalog: /Questionnaire/" + FhirCodes.QUESTIONNAIRE_ID)
                .addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        return statement;
    }

    @GET
    @Path("/Questionnaire/" + FhirCodes.QUESTIONNAIRE_ID)
    @Produces({FhirCodes.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(operationId = "getIntakeQuestionnaire", summary = "Get the intake form as a FHIR Questionnaire",
            description = "Generated from the catalog: one yes/no item per symptom (coded with SNOMED CT where confirmed), its "
                    + "modifiers as nested items enabled when the answer is yes, and the risk factors. Render it, collect a "
                    + "QuestionnaireResponse and post it to POST /api/v1/triage/fhir. Its texts follow Accept-Language "
                    + "(`en` or `es`, its `language` says which); link ids and codes are the same in every language.")
    @APIResponse(responseCode = "200", description = "The Questionnaire resource.",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = "FhirResource",
                    description = "A FHIR R4 Questionnaire resource.")))
    public Response questionnaire(@HeaderParam(HttpHeaders.ACCEPT) String accept,
                                  @Parameter(description = "The language of the item texts: `en` or `es`, by q-value; "
                                          + "English otherwise.", example = "es-US, es;q=0.9",
                                          schema = @Schema(type = SchemaType.STRING))
                                  @RestHeader("Accept-Language") List<String> acceptLanguage) {
        FhirMedia.requireAcceptable(accept);
        Language language = Language.negotiate(acceptLanguage);
        return Response.ok(questionnaires.get(language), FhirCodes.MEDIA_TYPE)
                .header("Content-Language", language.code()).header("Vary", "Accept-Language").build();
    }
}
