package dev.triageapi.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A risk factor code the service understands. */
@Schema(name = "RiskFactor", description = "A risk factor code the triage endpoint accepts in `riskFactors`.")
public record RiskFactorDefinition(
        @Schema(examples = "diuretic_use") String code,
        @Schema(examples = "Takes diuretics") String label,
        String description) {
}
