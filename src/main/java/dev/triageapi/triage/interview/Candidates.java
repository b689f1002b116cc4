package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SelfCarePathwayDefinition;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The questions a case leaves open: what its reported complaints open in the plan and nobody has answered yet. */
final class Candidates {

    private final Catalog catalog;
    private final InterviewPlan plan;
    private final Answering answering;
    /** The questions a self-care screen asks, which must be answered "no" out loud to clear it. */
    private final Set<String> screened;

    Candidates(Catalog catalog, InterviewPlan plan, Answering answering) {
        this.catalog = catalog;
        this.plan = plan;
        this.answering = answering;
        Set<String> screenedIds = new HashSet<>();
        for (SelfCarePathwayDefinition pathway : catalog.selfCarePathways()) {
            pathway.screen().symptomsAbsent().forEach(code -> screenedIds.add(Question.symptom(code).id()));
            pathway.screen().riskFactorsAbsent().forEach(code -> screenedIds.add(Question.riskFactor(code).id()));
            if (pathway.screen().notPregnant()) {
                screenedIds.add(Question.pregnancy().id());
            }
        }
        this.screened = Set.copyOf(screenedIds);
    }

    /** True when a self-care screen asks this question, so its "no" must be said. */
    boolean screened(Question q) {
        return screened.contains(q.id());
    }

    /**
     * The open questions, in the order they are verified, as a telephone nurse asks them: whether a symptom named but
     * left unknown is there, what each reported symptom is like (how it began, where, how bad), then the symptoms each
     * complaint opens (red flags first), what brought each on, then risk factors, the self-care screens, pregnancy,
     * treatment and age.
     */
    List<Question> of(TriageCase c, Set<String> dontKnow) {
        Map<String, Question> out = new LinkedHashMap<>();
        List<Symptom> present = c.symptoms().stream().filter(s -> s.getStatus() == SymptomStatus.PRESENT).toList();
        boolean pregnancy = false;
        boolean screenedPregnancy = false;
        boolean underTreatment = false;
        // A symptom the request names but leaves unknown is the patient's own complaint, hedged: asked first.
        c.symptoms().stream().filter(s -> s.getStatus() == SymptomStatus.UNKNOWN)
                .forEach(s -> add(out, Question.symptom(s.getCode())));
        for (Symptom s : present) {
            SymptomDefinition definition = catalog.symptom(s.getCode()).orElseThrow();
            definition.modifiers().stream().map(m -> Modifier.byCode(m).orElseThrow()).filter(m -> m != Modifier.TRIGGER)
                    .forEach(m -> add(out, Question.modifier(s.getCode(), m)));
        }
        for (Symptom s : present) {
            Optional<InterviewPlan.Complaint> complaint = plan.complaint(s.getCode());
            complaint.ifPresent(cmp -> cmp.symptoms().forEach(code -> add(out, Question.symptom(code))));
            pregnancy |= complaint.map(InterviewPlan.Complaint::pregnancy).orElse(false);
            underTreatment |= complaint.map(InterviewPlan.Complaint::underTreatment).orElse(false);
        }
        // What brought a complaint on is asked after its red flags, as a nurse asks it: it leads to the self-care
        // pathways, and in the first round it would otherwise take the place of a question that could call an ambulance.
        for (Symptom s : present) {
            if (catalog.symptom(s.getCode()).orElseThrow().modifiers().contains(Modifier.TRIGGER.code())) {
                add(out, Question.modifier(s.getCode(), Modifier.TRIGGER));
            }
        }
        for (Symptom s : present) {
            plan.complaint(s.getCode()).ifPresent(cmp -> cmp.riskFactors().forEach(code -> add(out, Question.riskFactor(code))));
        }
        for (Symptom s : present) {
            for (String pathway : plan.complaint(s.getCode()).map(InterviewPlan.Complaint::selfCare).orElse(List.of())) {
                SelfCarePathwayDefinition.Screen screen = catalog.selfCarePathway(pathway).orElseThrow().screen();
                screen.symptomsAbsent().forEach(code -> add(out, Question.symptom(code)));
                screen.riskFactorsAbsent().forEach(code -> add(out, Question.riskFactor(code)));
                screenedPregnancy |= screen.notPregnant();
            }
        }
        // A self-care screen needs "not pregnant" said whatever the age (16 to 64); a complaint asks at child-bearing age.
        if (c.patient().getSex() != Sex.MALE && (screenedPregnancy || pregnancy && plan.asksPregnancyAt(c.patient().getAge()))) {
            add(out, Question.pregnancy());
        }
        if (underTreatment) {
            add(out, Question.underTreatment());
        }
        add(out, Question.age());
        out.values().removeIf(q -> dontKnow.contains(q.id()) || answeredIn(c, q));
        return List.copyOf(out.values());
    }

    /** True when the case says whether it has this symptom: reported present or absent, not left unknown. */
    static boolean statusKnown(TriageCase c, String code) {
        int at = Answering.indexOf(c, code);
        return at >= 0 && c.symptoms().get(at).getStatus() != SymptomStatus.UNKNOWN;
    }

    private static void add(Map<String, Question> out, Question q) {
        out.putIfAbsent(q.id(), q);
    }

    /**
     * True when the case already answers the question. An "I don't know" posted back is kept elsewhere; a symptom the
     * request itself reports as unknown ("I think my arm is weak", a hedge the text reader keeps as unknown) is still
     * asked: it may be a red flag the patient can confirm.
     */
    private static boolean answeredIn(TriageCase c, Question q) {
        return switch (q.subject()) {
            case SYMPTOM -> statusKnown(c, q.symptom());
            case MODIFIER -> {
                int at = Answering.indexOf(c, q.symptom());
                yield at >= 0 && c.symptoms().get(at).get(q.modifier()) != null;
            }
            case RISK_FACTOR -> c.riskFactors().stream().anyMatch(r -> r.getCode().equals(q.riskFactor()))
                    || c.absentRiskFactors().stream().anyMatch(r -> r.getCode().equals(q.riskFactor()));
            case PREGNANCY -> c.patient().getPregnancy() != null || c.patient().isKnownNotPregnant();
            case UNDER_TREATMENT -> c.patient().getUnderTreatment() != null;
            case AGE -> c.patient().getAge() != null;
        };
    }

}
