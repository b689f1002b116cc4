package dev.triageapi.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A category of causes of muscle weakness with its conditions. */
@Schema(name = "CauseGroup", description = "A cause category with the conditions in it.")
public record CauseGroupDefinition(
        @Schema(examples = "neurological", enumeration = {"metabolic", "autoimmune", "neurological", "muscular", "infectious", "other"}) String code,
        @Schema(examples = "Neurological") String label,
        String description,
        List<ConditionDefinition> conditions) {
}
