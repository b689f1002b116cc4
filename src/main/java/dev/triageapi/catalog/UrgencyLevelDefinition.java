package dev.triageapi.catalog;

import dev.triageapi.vocabulary.Urgency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an urgency level means and the advice given with it ({@code {emergencyNumber}} is filled in at run time). */
@Schema(name = "UrgencyLevel", description = "An urgency level, lowest first.")
public record UrgencyLevelDefinition(Urgency code, String label, String meaning, String advice) {
}
