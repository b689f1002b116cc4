package dev.triageapi.triage.api;

import dev.triageapi.http.Wording;
import dev.triageapi.json.UnknownFields;
import dev.triageapi.vocabulary.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/** A part of a FHIR or CDS Hooks intake that the triage did not use, and why. */
@Schema(name = "UnusedInput", description = "Something the intake held that the triage did not read. Nothing listed here "
        + "lowered the urgency: the answer is the one the rest of the intake gives.")
public record UnusedInput(
        @Schema(description = "Where it was, as a FHIRPath-like location in the body.", examples = "entry[2].resource",
                required = true) String location,
        @Schema(description = "Why it was not used, in the service's own words (never a copy of the record).",
                examples = "an Encounter is not a record the triage reads", required = true) String reason) {

    /**
     * The body's fields the contract does not know, which were ignored: a misspelt field is never dropped unsaid.
     * {@code contract} names the body ({@code contract.triage}, a key of the problem words), in {@code language}.
     */
    public static List<UnusedInput> ofUnknownFields(UnknownFields fields, String contract, Language language) {
        List<String> paths = fields.paths();
        if (paths.isEmpty()) {
            return List.of();
        }
        String body = Wording.of(contract).in(language);
        List<UnusedInput> out = new ArrayList<>();
        paths.forEach(path -> out.add(new UnusedInput(path, Wording.of("unused.unknown-field", body).in(language))));
        if (fields.more() > 0) {
            out.add(new UnusedInput("body", Wording.of("unused.more-fields", fields.more(), body).in(language)));
        }
        return out;
    }
}
