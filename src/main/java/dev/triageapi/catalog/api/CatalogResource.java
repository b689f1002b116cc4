package dev.triageapi.catalog.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.Catalogs;
import dev.triageapi.catalog.CauseGroupDefinition;
import dev.triageapi.catalog.ModifierDefinition;
import dev.triageapi.catalog.RiskFactorDefinition;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.catalog.SelfCarePathwayDefinition;
import dev.triageapi.catalog.SymptomGroupDefinition;
import dev.triageapi.catalog.UrgencyLevelDefinition;
import dev.triageapi.vocabulary.Language;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.function.Function;

/** The catalogs an intake app builds its form from. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "The codes the triage endpoint understands")
public class CatalogResource {

    private static final String ACCEPT_LANGUAGE = "The language of the labels, descriptions and questions: `en` or `es`, "
            + "by q-value; English otherwise. The answer's Content-Language says which; the codes are the same in every language.";

    private final Catalogs catalogs;

    CatalogResource(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /**
     * The list in the language {@code Accept-Language} asks for (RFC 9110 q-values, RFC 4647 lookup; English
     * otherwise), saying which in {@code Content-Language}: only the words differ, never the codes.
     */
    private static <T> RestResponse<List<T>> inLanguage(Catalogs catalogs, List<String> acceptLanguage, Function<Catalog, List<T>> list) {
        Language language = Language.negotiate(acceptLanguage);
        return RestResponse.ResponseBuilder.ok(list.apply(catalogs.of(language)))
                .header("Content-Language", language.code())
                .header("Vary", "Accept-Language")
                .build();
    }

    @GET
    @Path("/symptoms")
    @Operation(operationId = "listSymptoms", summary = "List symptom codes",
            description = "Every symptom code with its label, description, form question, SNOMED CT code where confirmed, and the modifiers it accepts.")
    public RestResponse<List<SymptomDefinition>> symptoms(@Parameter(description = ACCEPT_LANGUAGE, example = "es-MX, es;q=0.9, en;q=0.5",
            schema = @Schema(type = SchemaType.STRING)) @RestHeader("Accept-Language") List<String> acceptLanguage) {
        return inLanguage(catalogs, acceptLanguage, Catalog::symptoms);
    }

    @GET
    @Path("/risk-factors")
    @Operation(operationId = "listRiskFactors", summary = "List risk factor codes",
            description = "Every risk factor code with its label and description. A risk factor that is not sent is unknown, not absent.")
    public RestResponse<List<RiskFactorDefinition>> riskFactors(@Parameter(description = ACCEPT_LANGUAGE, example = "es-MX, es;q=0.9, en;q=0.5",
            schema = @Schema(type = SchemaType.STRING)) @RestHeader("Accept-Language") List<String> acceptLanguage) {
        return inLanguage(catalogs, acceptLanguage, Catalog::riskFactors);
    }

    @GET
    @Path("/symptom-groups")
    @Operation(operationId = "listSymptomGroups", summary = "List the symptom groups the rules name",
            description = "Symptoms the rules name together (such as the focal deficits of a stroke), declared once: a rule says "
                    + "inGroup(\"focal_deficits\") rather than listing them again.")
    public RestResponse<List<SymptomGroupDefinition>> symptomGroups(@Parameter(description = ACCEPT_LANGUAGE, example = "es-MX, es;q=0.9, en;q=0.5",
            schema = @Schema(type = SchemaType.STRING)) @RestHeader("Accept-Language") List<String> acceptLanguage) {
        return inLanguage(catalogs, acceptLanguage, Catalog::symptomGroups);
    }

    @GET
    @Path("/self-care-pathways")
    @Operation(operationId = "listSelfCarePathways", summary = "List the self-care pathways and their screens",
            description = "The benign pictures that can be looked after at home, each with the screen questions that must be "
                    + "answered no first (symptoms reported absent, risk factors in absentRiskFactors, pregnancy ruled out) "
                    + "and its safety-netting advice. An intake app can ask a pathway's screen up front.")
    public RestResponse<List<SelfCarePathwayDefinition>> selfCarePathways(@Parameter(description = ACCEPT_LANGUAGE, example = "es-MX, es;q=0.9, en;q=0.5",
            schema = @Schema(type = SchemaType.STRING)) @RestHeader("Accept-Language") List<String> acceptLanguage) {
        return inLanguage(catalogs, acceptLanguage, Catalog::selfCarePathways);
    }

    @GET
    @Path("/cause-groups")
    @Operation(operationId = "listCauseGroups", summary = "List cause groups and their conditions",
            description = "The six cause groups of muscle weakness with the conditions in each, and whether a condition is serious.")
    public RestResponse<List<CauseGroupDefinition>> causeGroups(@Parameter(description = ACCEPT_LANGUAGE, example = "es-MX, es;q=0.9, en;q=0.5",
            schema = @Schema(type = SchemaType.STRING)) @RestHeader("Accept-Language") List<String> acceptLanguage) {
        return inLanguage(catalogs, acceptLanguage, Catalog::causeGroups);
    }

    @GET
    @Path("/urgency-levels")
    @Operation(operationId = "listUrgencyLevels", summary = "List urgency levels, lowest first",
            description = "What each level means for the patient and the advice given with it; {emergencyNumber} is filled in in triage answers.")
    public RestResponse<List<UrgencyLevelDefinition>> urgencyLevels(@Parameter(description = ACCEPT_LANGUAGE, example = "es-MX, es;q=0.9, en;q=0.5",
            schema = @Schema(type = SchemaType.STRING)) @RestHeader("Accept-Language") List<String> acceptLanguage) {
        return inLanguage(catalogs, acceptLanguage, Catalog::urgencyLevels);
    }

    @GET
    @Path("/modifiers")
    @Operation(operationId = "listModifiers", summary = "List the modifiers a symptom may carry",
            description = "Each modifier's kind (choice, choices, decimal, boolean), question, form label and, for choices, its "
                    + "values with their labels. GET /api/v1/symptoms says which modifiers each symptom accepts.")
    public RestResponse<List<ModifierDefinition>> modifiers(@Parameter(description = ACCEPT_LANGUAGE, example = "es-MX, es;q=0.9, en;q=0.5",
            schema = @Schema(type = SchemaType.STRING)) @RestHeader("Accept-Language") List<String> acceptLanguage) {
        return inLanguage(catalogs, acceptLanguage, Catalog::modifiers);
    }
}
