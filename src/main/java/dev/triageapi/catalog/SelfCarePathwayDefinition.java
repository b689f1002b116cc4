package dev.triageapi.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A benign picture that may be looked after at home, its red-flag screen and its safety-netting advice. A rule
 * recognises the picture ({@code selfCare("code", ...)} in rules/urgency/self_care.drl); the answer is self-care only
 * when every screen question was answered "no": each symptom reported absent, each risk factor denied and, where
 * asked, pregnancy ruled out.
 */
@Schema(name = "SelfCarePathway", description = "A picture that may be managed at home once its screen is answered.")
public record SelfCarePathwayDefinition(
        @Schema(examples = "exercise_soreness", required = true) String code,
        @Schema(examples = "Muscle soreness after exercise", required = true) String label,
        @Schema(description = "Where the knowledge behind the pathway and its screen comes from.", required = true) String source,
        @Schema(required = true) Screen screen,
        @Schema(description = "What to do at home.", required = true) String advice,
        @Schema(description = "Signs to watch for.", required = true) List<String> watchFor,
        @Schema(description = "When to see a doctor.", required = true) String seeDoctorIf,
        @Schema(description = "When to call the emergency number; {emergencyNumber} is replaced by the configured number.",
                required = true) String callEmergencyIf) {

    public SelfCarePathwayDefinition {
        watchFor = List.copyOf(watchFor);
    }

    /** The questions that must be answered "no" before the picture can be looked after at home. */
    @Schema(name = "SelfCareScreen")
    public record Screen(
            @Schema(description = "Symptoms that must be reported absent.", required = true) List<String> symptomsAbsent,
            @Schema(description = "Risk factors that must be denied.", required = true) List<String> riskFactorsAbsent,
            @Schema(description = "True when pregnancy (or a birth within six weeks) must be ruled out.", required = true)
            boolean notPregnant) {

        public Screen {
            symptomsAbsent = List.copyOf(symptomsAbsent);
            riskFactorsAbsent = List.copyOf(riskFactorsAbsent);
        }
    }
}
