package dev.triageapi.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A condition that can cause muscle weakness. */
@Schema(name = "Condition", description = "A possible cause of muscle weakness.")
public record ConditionDefinition(
        @Schema(examples = "myasthenia_gravis") String code,
        @Schema(examples = "Myasthenia gravis") String name,
        @Schema(description = "True for serious or possibly life-threatening conditions.") boolean serious,
        String description) {
}
