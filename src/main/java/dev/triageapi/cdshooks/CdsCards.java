package dev.triageapi.cdshooks;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.cdshooks.CdsModels.Card;
import dev.triageapi.cdshooks.CdsModels.Coding;
import dev.triageapi.cdshooks.CdsModels.Link;
import dev.triageapi.cdshooks.CdsModels.Source;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.fhir.FhirCodes;
import dev.triageapi.triage.api.Disclaimer;
import dev.triageapi.triage.api.TriageResponse;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.vocabulary.Urgency;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Writes a triage answer as a CDS Hooks card: a summary under 140 characters, the indicator its urgency calls for,
 * the answer in Markdown (advice, red flags with sources, candidate causes, questions, what was not used, the
 * disclaimer) and the rule that set the urgency as its source's topic.
 */
@ApplicationScoped
class CdsCards {

    private final TriageConfig config;
    private final Catalog catalog;

    CdsCards(TriageConfig config, Catalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    /** Never from the request's Host header: a forged Host would land in the EHR's card. */
    private String rulesUrl() {
        return config.publicBaseUrl().map(base -> base.resolve("api/v1/rules").toString()).orElse(null);
    }

    /**
     * The card for records with no coded symptom. Symptoms named only in words are asked about, and make it a warning:
     * words such as "difficulty speaking" may be a stroke sign that no code records.
     */
    Card nothingToTriage(List<UnusedInput> unused, List<String> askAbout) {
        StringBuilder md = new StringBuilder("The records hold no coded symptom this service can triage, so it gives no "
                + "urgency. Record the patient's symptoms (HL7 Symptoms IG Observations) or use the intake Questionnaire.\n\n");
        List<String> questions = askAbout.stream().distinct().sorted()
                .flatMap(code -> catalog.symptom(code).stream()).map(SymptomDefinition::question).toList();
        if (!questions.isEmpty()) {
            md.append("**Ask next** (named in the records only in words)\n\n");
            questions.forEach(q -> md.append("- ").append(q).append('\n'));
            md.append('\n');
        }
        unusedSection(md, unused);
        md.append('_').append(Disclaimer.text(config.emergencyNumber())).append('_');
        return new Card(UUID.randomUUID().toString(), questions.isEmpty() ? "No symptom records to triage"
                : "Symptoms recorded only in words: ask and record them", questions.isEmpty() ? "info" : "warning",
                md.toString(), new Source("Muscle weakness triage", null, null), List.of());
    }

    private static void unusedSection(StringBuilder md, List<UnusedInput> unused) {
        if (unused.isEmpty()) {
            return;
        }
        md.append("**Not used**\n\n");
        unused.stream().limit(20).forEach(u -> md.append("- ").append(u.location()).append(": ").append(u.reason()).append('\n'));
        if (unused.size() > 20) {
            md.append("- and ").append(unused.size() - 20).append(" more\n");
        }
        md.append('\n');
    }

    Card card(TriageResponse answer) {
        String rulesUrl = rulesUrl();
        String level = catalog.urgencyLevel(answer.urgency()).label();
        String why = !answer.redFlags().isEmpty() ? answer.redFlags().get(0).label()
                : answer.reasons().isEmpty() ? "" : answer.reasons().get(0);
        String summary = level + (why.isEmpty() ? "" : " — " + why);
        if (summary.length() >= 140) {
            summary = summary.substring(0, 138) + "…";
        }
        String indicator = answer.urgency().isEmergency() ? "critical"
                : answer.urgency() == Urgency.CONSULTATION_24 ? "warning" : "info";
        TriageResponse.TraceEntry decisive = answer.trace().stream().filter(TriageResponse.TraceEntry::decisive).findFirst().orElse(null);
        Coding topic = decisive == null ? null
                : new Coding(FhirCodes.BASE + "/rule", decisive.file() + ":" + decisive.line(), decisive.rule());
        // One id per card, as CDS Hooks asks (feedback names the card it is about); it identifies, it does not decide.
        return new Card(UUID.randomUUID().toString(),
                summary, indicator, detail(answer),
                new Source("Muscle weakness triage rules " + answer.rulesVersion().substring(0, 19), null, topic),
                rulesUrl == null ? List.of() : List.of(new Link("Rules behind this answer", rulesUrl, "absolute")));
    }

    private static String detail(TriageResponse a) {
        StringBuilder md = new StringBuilder();
        md.append("**Urgency:** ").append(a.urgency().code()).append("\n\n").append(a.advice()).append("\n\n");
        if (!a.redFlags().isEmpty()) {
            md.append("**Red flags**\n\n");
            a.redFlags().forEach(f -> md.append("- ").append(f.label()).append(" (source: ").append(f.source()).append(")\n"));
            md.append('\n');
        }
        if (!a.causeGroups().isEmpty()) {
            md.append("**Candidate causes** (not a diagnosis)\n\n");
            a.causeGroups().forEach(g -> md.append("- ").append(g.label()).append(": ")
                    .append(String.join(", ", g.conditions().stream().map(c -> c.name() + (c.serious() ? " (serious)" : "")).toList()))
                    .append(" — matched ").append(String.join(", ", g.evidence())).append('\n'));
            md.append('\n');
        }
        if (!a.missingInformation().isEmpty()) {
            md.append("**Ask next**\n\n");
            a.missingInformation().forEach(q -> md.append("- ").append(q.question()).append('\n'));
            md.append('\n');
        }
        if (a.selfCare() != null) {
            md.append("**Watch for**\n\n");
            a.selfCare().watchFor().forEach(sign -> md.append("- ").append(sign).append('\n'));
            md.append('\n');
        }
        if (!a.screenQuestions().isEmpty()) {
            md.append("**Answered no, these could lower the urgency** (self-care screen)\n\n");
            a.screenQuestions().forEach(q -> md.append("- ").append(q.question()).append('\n'));
            md.append('\n');
        }
        unusedSection(md, a.unused());
        md.append("_").append(a.disclaimer()).append("_");
        return md.toString();
    }
}
