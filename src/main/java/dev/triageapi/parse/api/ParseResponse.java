package dev.triageapi.parse.api;

import dev.triageapi.text.ParsedText;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.vocabulary.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a text says: a ready triage request, every phrase understood with its place, and what was not understood. */
@Schema(name = "ParseResponse", description = "What the text says, in codes, and where each code came from.")
public record ParseResponse(
        @Schema(description = "The language the text was read in.", required = true)
        Language language,
        @Schema(description = "The structured part as a triage request: post it (add the interview's answers as they come) "
                + "to POST /api/v1/triage. A symptom the text negates is `absent`; one it hedges, or that belongs to "
                + "someone else or to the distant past, is `unknown`; what it does not name is left out (unknown, never "
                + "\"no\"). `symptoms` is empty when the text names none.", required = true)
        TriageRequest request,
        @Schema(description = "One entry per phrase understood, in the order of the text, with the cue that changed its "
                + "status.", required = true)
        List<ParsedText.Mention> mentions,
        @Schema(description = "Stretches of the text not understood: ask the patient to rephrase them, or go on with the "
                + "interview's questions.", required = true)
        List<ParsedText.Span> unrecognized,
        @Schema(description = "Fields of the body the contract does not have (a misspelt one), which were ignored.",
                required = true)
        List<UnusedInput> unused,
        @Schema(description = "Always present: this is information, not medical advice.", required = true)
        String disclaimer) {
}
