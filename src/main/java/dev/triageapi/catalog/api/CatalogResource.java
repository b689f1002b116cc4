package dev.triageapi.catalog.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.CauseGroupDefinition;
import dev.triageapi.catalog.ModifierDefinition;
import dev.triageapi.catalog.RiskFactorDefinition;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.catalog.SelfCarePathwayDefinition;
import dev.triageapi.catalog.SymptomGroupDefinition;
import dev.triageapi.catalog.UrgencyLevelDefinition;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The catalogs an intake app builds its form from. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "The codes the triage endpoint understands")
public class CatalogResource {

    private final Catalog catalog;

    CatalogResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/symptoms")
    @Operation(operationId = "listSymptoms", summary = "List symptom codes",
            description = "Every symptom code with its label, description, form question, SNOMED CT code where confirmed, and the modifiers it accepts.")
    public List<SymptomDefinition> symptoms() {
        return catalog.symptoms();
    }

    @GET
    @Path("/risk-factors")
    @Operation(operationId = "listRiskFactors", summary = "List risk factor codes",
            description = "Every risk factor code with its label and description. A risk factor that is not sent is unknown, not absent.")
    public List<RiskFactorDefinition> riskFactors() {
        return catalog.riskFactors();
    }

    @GET
    @Path("/symptom-groups")
    @Operation(operationId = "listSymptomGroups", summary = "List the symptom groups the rules name",
            description = "Symptoms the rules name together (such as the focal deficits of a stroke), declared once: a rule says "
                    + "inGroup(\"focal_deficits\") rather than listing them again.")
    public List<SymptomGroupDefinition> symptomGroups() {
        return catalog.symptomGroups();
    }

    @GET
    @Path("/self-care-pathways")
    @Operation(operationId = "listSelfCarePathways", summary = "List the self-care pathways and their screens",
            description = "The benign pictures that can be looked after at home, each with the screen questions that must be "
                    + "answered no first (symptoms reported absent, risk factors in absentRiskFactors, pregnancy ruled out) "
                    + "and its safety-netting advice. An intake app can ask a pathway's screen up front.")
    public List<SelfCarePathwayDefinition> selfCarePathways() {
        return catalog.selfCarePathways();
    }

    @GET
    @Path("/cause-groups")
    @Operation(operationId = "listCauseGroups", summary = "List cause groups and their conditions",
            description = "The six cause groups of muscle weakness with the conditions in each, and whether a condition is serious.")
    public List<CauseGroupDefinition> causeGroups() {
        return catalog.causeGroups();
    }

    @GET
    @Path("/urgency-levels")
    @Operation(operationId = "listUrgencyLevels", summary = "List urgency levels, lowest first",
            description = "What each level means for the patient and the advice given with it; {emergencyNumber} is filled in in triage answers.")
    public List<UrgencyLevelDefinition> urgencyLevels() {
        return catalog.urgencyLevels();
    }

    @GET
    @Path("/modifiers")
    @Operation(operationId = "listModifiers", summary = "List the modifiers a symptom may carry",
            description = "Each modifier's kind (choice, choices, decimal, boolean), question, form label and, for choices, its "
                    + "values with their labels. GET /api/v1/symptoms says which modifiers each symptom accepts.")
    public List<ModifierDefinition> modifiers() {
        return catalog.modifiers();
    }
}
