package dev.triageapi.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A named group of symptoms that rules use by name ({@code inGroup("focal_deficits")}), declared once. */
@Schema(name = "SymptomGroup", description = "A group of symptoms the rules name together.")
public record SymptomGroupDefinition(
        @Schema(examples = "focal_deficits") String code,
        @Schema(examples = "Weakness, numbness or paralysis of a part of the body") String label,
        String description,
        @Schema(description = "Symptom codes in the group.") List<String> symptoms) {
}
