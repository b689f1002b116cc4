package dev.triageapi.triage.vignette;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.vocabulary.Urgency;

import java.util.ArrayList;
import java.util.List;

/**
 * A clinical vignette: a request and what a careful triage nurse expects of the answer. Either {@code urgency}
 * (exact) or the bounds {@code urgencyAtLeast} / {@code urgencyAtMost} are given.
 */
public record Vignette(String name, String rationale, JsonNode request, Expect expect) {

    /** What is wrong with this answer, one line per problem; empty when the answer meets every expectation. */
    public List<String> problems(Assessment a) {
        List<String> problems = new ArrayList<>();
        Expect e = expect;
        if (e.urgency() != null && e.urgency() != a.urgency()) {
            problems.add("urgency " + a.urgency().code() + ", expected " + e.urgency().code());
        }
        if (e.urgencyAtLeast() != null && a.urgency().compareTo(e.urgencyAtLeast()) < 0) {
            problems.add("urgency " + a.urgency().code() + ", expected at least " + e.urgencyAtLeast().code());
        }
        if (e.urgencyAtMost() != null && a.urgency().compareTo(e.urgencyAtMost()) > 0) {
            problems.add("urgency " + a.urgency().code() + ", expected at most " + e.urgencyAtMost().code());
        }
        List<String> flags = a.redFlags().stream().map(f -> f.definition().code()).toList();
        List<String> groups = a.causeGroups().stream().map(g -> g.group().code()).toList();
        List<String> conditions = a.causeGroups().stream().flatMap(g -> g.conditions().stream())
                .map(c -> c.condition().code()).toList();
        List<String> followUps = a.followUps().stream().map(q -> q.symptom() + "." + q.modifier()).toList();
        e.redFlags().stream().filter(f -> !flags.contains(f)).forEach(f -> problems.add("missing red flag " + f));
        e.withoutRedFlags().stream().filter(flags::contains).forEach(f -> problems.add("unexpected red flag " + f));
        e.groups().stream().filter(g -> !groups.contains(g)).forEach(g -> problems.add("missing group " + g));
        e.conditions().stream().filter(c -> !conditions.contains(c)).forEach(c -> problems.add("missing condition " + c));
        e.withoutConditions().stream().filter(conditions::contains).forEach(c -> problems.add("unexpected condition " + c));
        e.followUps().stream().filter(q -> !followUps.contains(q)).forEach(q -> problems.add("missing follow-up " + q));
        String pathway = a.selfCare() == null ? null : a.selfCare().code();
        if (e.selfCare() != null && !e.selfCare().equals(pathway)) {
            problems.add("self-care pathway " + pathway + ", expected " + e.selfCare());
        }
        List<String> screen = a.screenQuestions().stream().map(q -> q.pathway() + ":" + q.code()).toList();
        e.screenQuestions().stream().filter(q -> !screen.contains(q)).forEach(q -> problems.add("missing screen question " + q));
        if (a.urgency().isEmergency() && flags.isEmpty()) {
            problems.add("emergency answer without a red flag");
        }
        return problems;
    }

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
            List<String> followUps,
            String selfCare,
            List<String> screenQuestions) {

        public List<String> redFlags() { return redFlags == null ? List.of() : redFlags; }
        public List<String> withoutRedFlags() { return withoutRedFlags == null ? List.of() : withoutRedFlags; }
        public List<String> groups() { return groups == null ? List.of() : groups; }
        public List<String> conditions() { return conditions == null ? List.of() : conditions; }
        public List<String> withoutConditions() { return withoutConditions == null ? List.of() : withoutConditions; }
        public List<String> followUps() { return followUps == null ? List.of() : followUps; }
        /** Screen questions that must be open, as {@code pathway:code}. */
        public List<String> screenQuestions() { return screenQuestions == null ? List.of() : screenQuestions; }
    }
}
