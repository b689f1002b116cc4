package dev.triageapi.cdshooks;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.Catalogs;
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
import dev.triageapi.vocabulary.Language;
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
    private final Catalogs catalogs;

    CdsCards(TriageConfig config, Catalogs catalogs) {
        this.config = config;
        this.catalogs = catalogs;
    }

    /** Never from the request's Host header: a forged Host would land in the EHR's card. */
    private String rulesUrl() {
        return config.publicBaseUrl().map(base -> base.resolve("api/v1/rules").toString()).orElse(null);
    }

    /**
     * The card for records with no coded symptom. Symptoms named only in words are asked about, and make it a warning:
     * words such as "difficulty speaking" may be a stroke sign that no code records.
     */
    Card nothingToTriage(List<UnusedInput> unused, List<String> askAbout, Language language) {
        Catalog catalog = catalogs.of(language);
        StringBuilder md = new StringBuilder(catalog.message("cards.nothingToTriage")).append("\n\n");
        List<String> questions = askAbout.stream().distinct().sorted()
                .flatMap(code -> catalog.symptom(code).stream()).map(SymptomDefinition::question).toList();
        if (!questions.isEmpty()) {
            md.append("**").append(catalog.message("cards.askNextInWords")).append("**\n\n");
            questions.forEach(q -> md.append("- ").append(q).append('\n'));
            md.append('\n');
        }
        unusedSection(catalog, md, unused);
        md.append('_').append(Disclaimer.text(catalog, config.emergencyNumber())).append('_');
        return new Card(UUID.randomUUID().toString(), catalog.message(questions.isEmpty() ? "cards.noSymptomRecords"
                : "cards.symptomsOnlyInWords"), questions.isEmpty() ? "info" : "warning",
                md.toString(), new Source(catalog.message("cards.service"), null, null), List.of());
    }

    private static void unusedSection(Catalog catalog, StringBuilder md, List<UnusedInput> unused) {
        if (unused.isEmpty()) {
            return;
        }
        md.append("**").append(catalog.message("cards.notUsed")).append("**\n\n");
        unused.stream().limit(20).forEach(u -> md.append("- ").append(u.location()).append(": ").append(u.reason()).append('\n'));
        if (unused.size() > 20) {
            md.append("- ").append(catalog.message("cards.andMore").replace("{count}", String.valueOf(unused.size() - 20))).append('\n');
        }
        md.append('\n');
    }

    Card card(TriageResponse answer, Language language) {
        Catalog catalog = catalogs.of(language);
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
                summary, indicator, detail(catalog, answer),
                new Source(catalog.message("cards.rules") + " " + answer.rulesVersion().substring(0, 19), null, topic),
                rulesUrl == null ? List.of() : List.of(new Link(catalog.message("cards.rulesLink"), rulesUrl, "absolute")));
    }

    private static String detail(Catalog catalog, TriageResponse a) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(catalog.message("cards.urgencyHeading")).append(":** ").append(a.urgency().code()).append("\n\n")
                .append(a.advice()).append("\n\n");
        if (!a.redFlags().isEmpty()) {
            heading(catalog, md, "cards.redFlags");
            a.redFlags().forEach(f -> md.append("- ").append(f.label()).append(" (")
                    .append(catalog.message("cards.sourceOf").replace("{source}", f.source())).append(")\n"));
            md.append('\n');
        }
        if (!a.causeGroups().isEmpty()) {
            heading(catalog, md, "cards.candidateCauses");
            String serious = " (" + catalog.message("cards.seriousCondition") + ")";
            a.causeGroups().forEach(g -> md.append("- ").append(g.label()).append(": ")
                    .append(String.join(", ", g.conditions().stream().map(c -> c.name() + (c.serious() ? serious : "")).toList()))
                    .append(" — ").append(catalog.message("cards.matched").replace("{evidence}", String.join(", ", g.evidence())))
                    .append('\n'));
            md.append('\n');
        }
        if (!a.missingInformation().isEmpty()) {
            heading(catalog, md, "cards.askNext");
            a.missingInformation().forEach(q -> md.append("- ").append(q.question()).append('\n'));
            md.append('\n');
        }
        if (a.selfCare() != null) {
            heading(catalog, md, "cards.watchFor");
            a.selfCare().watchFor().forEach(sign -> md.append("- ").append(sign).append('\n'));
            md.append('\n');
        }
        if (!a.screenQuestions().isEmpty()) {
            heading(catalog, md, "cards.selfCareScreen");
            a.screenQuestions().forEach(q -> md.append("- ").append(q.question()).append('\n'));
            md.append('\n');
        }
        unusedSection(catalog, md, a.unused());
        md.append("_").append(a.disclaimer()).append("_");
        return md.toString();
    }

    private static void heading(Catalog catalog, StringBuilder md, String key) {
        md.append("**").append(catalog.message(key)).append("**\n\n");
    }
}
