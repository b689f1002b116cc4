package dev.triageapi.triage.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A part of a FHIR or CDS Hooks intake that the triage did not use, and why. */
@Schema(name = "UnusedInput", description = "Something the intake held that the triage did not read. Nothing listed here "
        + "lowered the urgency: the answer is the one the rest of the intake gives.")
public record UnusedInput(
        @Schema(description = "Where it was, as a FHIRPath-like location in the body.", examples = "entry[2].resource",
                required = true) String location,
        @Schema(description = "Why it was not used, in the service's own words (never a copy of the record).",
                examples = "an Encounter is not a record the triage reads", required = true) String reason) {
}
