package dev.triageapi.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A risk factor code the service understands. */
@Schema(name = "RiskFactor", description = "A risk factor code the triage endpoint accepts in `riskFactors`.")
public record RiskFactorDefinition(
        @Schema(examples = "diuretic_use") String code,
        @Schema(examples = "Takes diuretics") String label,
        String description,
        @Schema(description = "The question the interview asks about it.", nullable = true)
        String question,
        @Schema(description = "SNOMED CT concept id, only where a public source confirms it.", examples = "73211009", nullable = true)
        String snomedCode,
        @Schema(description = "Where the SNOMED CT code is confirmed; present whenever the code is.", nullable = true)
        String snomedSource) {
}
