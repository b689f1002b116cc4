package dev.triageapi.triage.vignettes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triageapi.triage.Urgency;

import java.util.List;

/**
 * A clinical vignette: a request and what a careful triage nurse expects of the answer. Either {@code urgency}
 * (exact) or the bounds {@code urgencyAtLeast} / {@code urgencyAtMost} are given.
 */
public record Vignette(String name, String rationale, JsonNode request, Expect expect) {

    /** What the answer must show. Lists are "must contain" unless named {@code without…}. */
    public record Expect(
            Urgency urgency,
            Urgency urgencyAtLeast,
            Urgency urgencyAtMost,
            List<String> redFlags,
            List<String> withoutRedFlags,
            List<String> groups,
            List<String> conditions,
            List<String> withoutConditions,
            List<String> followUps) {

        public List<String> redFlags() { return redFlags == null ? List.of() : redFlags; }
        public List<String> withoutRedFlags() { return withoutRedFlags == null ? List.of() : withoutRedFlags; }
        public List<String> groups() { return groups == null ? List.of() : groups; }
        public List<String> conditions() { return conditions == null ? List.of() : conditions; }
        public List<String> withoutConditions() { return withoutConditions == null ? List.of() : withoutConditions; }
        public List<String> followUps() { return followUps == null ? List.of() : followUps; }
    }
}
