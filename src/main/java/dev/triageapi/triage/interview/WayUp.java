package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Answering.Outcome;
import dev.triageapi.triage.interview.Interviewer.Asked;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The bounds on the way up: what every open presence, a symptom's details or what a symptom opens in turn can reach
 * together, so that combinations no single answer shows are asked and presence is probed only where it can matter.
 */
final class WayUp {

    private final InterviewPlan plan;
    private final Answering answering;
    private final Exposures exposures;

    WayUp(InterviewPlan plan, Answering answering) {
        this.plan = plan;
        this.answering = answering;
        this.exposures = new Exposures(plan, answering);
    }

    /** The plan whose worst forms this judges by. */
    InterviewPlan plan() {
        return plan;
    }

    /**
     * The highest level the open questions can reach together: every open symptom reported in one of its worst forms,
     * every open risk factor present and, where asked, a pregnancy (what a symptom opens in turn is left to
     * {@link #symptomsTogether}).
     */
    Urgency allPresent(TriageCase c, List<Question> candidates, Function<TriageCase, Probe> probe) {
        TriageCase base = c;
        List<String> next = new ArrayList<>();
        for (Question q : candidates) {
            switch (q.subject()) {
                case SYMPTOM -> next.add(q.symptom());
                case RISK_FACTOR -> base = given(base, q, Answering.YES);
                case PREGNANCY -> base = given(base, q, Pregnancy.PREGNANT.code());
                default -> { }
            }
        }
        TriageCase present = base;
        return highest(formOf -> {
            TriageCase all = present;
            for (String code : next) {
                all = inForm(given(all, Question.symptom(code), Answering.YES), code, formOf.apply(code));
            }
            return all;
        }, next, probe);
    }

    /**
     * Whether an open risk factor could raise the level, known by one evaluation made when first asked: false when all
     * of them reported present together do not (reporting one never lowers the level, a property the rules are tested
     * for), so none is probed alone. Most raise it only beside a particular symptom; one evaluation then spares one for
     * each. With fewer than two open there is nothing to spare: true, without an evaluation.
     */
    BooleanSupplier riskFactorsCanRaise(TriageCase c, List<Question> candidates, Urgency current, Function<TriageCase, Probe> probe) {
        Boolean[] known = new Boolean[1];
        return () -> {
            if (known[0] == null) {
                List<Question> risks = candidates.stream().filter(q -> q.subject() == Question.Subject.RISK_FACTOR).toList();
                TriageCase all = c;
                for (Question q : risks) {
                    all = given(all, q, Answering.YES);
                }
                known[0] = risks.size() < 2 || probe.apply(all).urgency().compareTo(current) > 0;
            }
            return known[0];
        };
    }

    /**
     * The highest level of a case built in each worst form of its symptoms ({@link InterviewPlan#alarmingForms()}), and
     * with each symptom in each of its own ({@link InterviewPlan#symptomForms}), the others in the first form.
     * {@code inForm} builds the case with each symptom in the form it is given for it. The first form is always
     * evaluated; another only when the level can still rise and that evaluation read, of a symptom the other form
     * changes, a detail in which it differs: otherwise the other form would be evaluated exactly alike
     * ({@link Probe#read()}), and it is neither built nor evaluated.
     */
    Urgency highest(Function<Function<String, Map<String, String>>, TriageCase> inForm, Collection<String> symptoms,
                    Function<TriageCase, Probe> probe) {
        Map<String, String> worst = plan.alarmingForms().get(0);
        return highest(inForm, symptoms, probe, probe.apply(inForm.apply(code -> worst)));
    }

    private Urgency highest(Function<Function<String, Map<String, String>>, TriageCase> inForm, Collection<String> symptoms,
                            Function<TriageCase, Probe> probe, Probe first) {
        List<Map<String, String>> forms = plan.alarmingForms();
        Urgency out = first.urgency();
        for (int i = 1; i < forms.size() && out != Urgency.EMERGENCY_AMBULANCE; i++) {
            Set<Modifier> differ = plan.alternativeModifiers(i);
            if (symptoms.stream().noneMatch(s -> differ.stream().anyMatch(m -> first.read().read(s, m)))) {
                continue;
            }
            Map<String, String> form = forms.get(i);
            Urgency l = probe.apply(inForm.apply(code -> form)).urgency();
            if (l.compareTo(out) > 0) {
                out = l;
            }
        }
        for (String symptom : symptoms) {
            for (Map<String, String> own : plan.symptomForms(symptom)) {
                if (out == Urgency.EMERGENCY_AMBULANCE) {
                    return out;
                }
                if (own.entrySet().stream().filter(e -> !e.getValue().equals(forms.get(0).get(e.getKey())))
                        .noneMatch(e -> first.read().read(symptom, Modifier.byCode(e.getKey()).orElseThrow()))) {
                    continue;
                }
                Urgency l = probe.apply(inForm.apply(code -> code.equals(symptom) ? own : forms.get(0))).urgency();
                if (l.compareTo(out) > 0) {
                    out = l;
                }
            }
        }
        return out;
    }

    /** The highest level of the case with this symptom in each of its worst forms. */
    Urgency highestForm(TriageCase c, String symptom, Function<TriageCase, Probe> probe) {
        return highest(formOf -> inForm(c, symptom, formOf.apply(symptom)), List.of(symptom), probe);
    }

    private TriageCase given(TriageCase c, Question q, String answer) {
        Outcome out = answering.answer(c, q, answer);
        return out.refusal() == null ? out.triageCase() : c;
    }

    /**
     * Symptoms can raise the level together where none does alone (double vision with drooping eyelids and trouble
     * swallowing), with a risk factor (a head injury on anticoagulants), or through what they open in turn (vomiting,
     * once reported, asks about cramps). The open symptom and risk factor questions not already asked, and every
     * symptom their answers would open, are answered "yes" together, each symptom at its most alarming; if that raises
     * the level, each open question is asked, with that level. Reporting a symptom or a risk factor never lowers the
     * level (a property the rules are tested for), so a bound that does not rise proves none of them could raise it.
     * The same symptoms all brought on by each of the plan's exposures (a drink, the heat) are a bound too.
     */
    void symptomsTogether(TriageCase c, List<Question> candidates, Urgency current, Function<TriageCase, Probe> probe,
                                 List<Asked> raising) {
        List<Question> open = candidates.stream().filter(q -> q.subject() == Question.Subject.SYMPTOM
                && raising.stream().noneMatch(a -> a.question().equals(q))).toList();
        if (open.isEmpty() || current == Urgency.EMERGENCY_AMBULANCE) {
            return;
        }
        List<Question> risks = candidates.stream().filter(q -> q.subject() == Question.Subject.RISK_FACTOR
                && raising.stream().noneMatch(a -> a.question().equals(q))).toList();
        TriageCase withRisks = c;
        for (Question q : risks) {
            withRisks = given(withRisks, q, Answering.YES);
        }
        TriageCase start = withRisks;
        Set<String> reachable = new LinkedHashSet<>();
        ArrayDeque<String> next = new ArrayDeque<>();
        open.forEach(q -> next.add(q.symptom()));
        while (!next.isEmpty()) {
            String code = next.pop();
            // A symptom the case leaves unknown is reachable too: a "yes" to it opens its own complaint's questions.
            if (!Candidates.statusKnown(c, code) && reachable.add(code)) {
                plan.complaint(code).ifPresent(cmp -> next.addAll(cmp.symptoms()));
            }
        }
        Function<Function<String, Map<String, String>>, TriageCase> inForms = formOf -> {
            TriageCase all = start;
            for (String code : reachable) {
                Outcome out = answering.answer(all, Question.symptom(code), Answering.YES);
                if (out.refusal() == null) {
                    all = inForm(out.triageCase(), code, formOf.apply(code));
                }
            }
            return all;
        };
        Urgency byForms = highest(inForms, reachable, probe);
        List<Question> causes = Exposures.openCauses(candidates, raising);
        Urgency byExposures = byForms.compareTo(current) > 0 ? Urgency.SELF_CARE : exposures.reach(inForms, causes, probe);
        Urgency l = byExposures.compareTo(byForms) > 0 ? byExposures : byForms;
        if (l.compareTo(current) > 0) {
            open.forEach(q -> raising.add(new Asked(q, answering.optionsWithUnknown(q), l, null, null)));
            risks.forEach(q -> raising.add(new Asked(q, answering.optionsWithUnknown(q), l, null, null)));
            if (byExposures.compareTo(byForms) > 0) {
                causes.forEach(q -> raising.add(new Asked(q, answering.optionsWithUnknown(q), l, null, null)));
            }
        }
    }

    /**
     * A reported symptom's details can raise the level together where none does alone (begun suddenly, and today; in
     * the face, and last seen well today). For each reported symptom none of whose open details raises the level
     * alone, the case with all of them in each worst form is evaluated; if that raises it, each detail some worst form
     * answers is asked, with that level. A detail no worst form answers can raise with them too (a severe pain after an
     * injury): where the first form's evaluation asked such an open detail about a value, the form with that value is
     * evaluated as well, and the detail asked with the others when it raises.
     */
    void jointlyRaising(TriageCase c, List<Question> candidates, Urgency current, Function<TriageCase, Probe> probe,
                          List<Asked> raising) {
        if (current == Urgency.EMERGENCY_AMBULANCE) {
            return;
        }
        for (Symptom s : c.symptoms()) {
            if (s.getStatus() != SymptomStatus.PRESENT) {
                continue;
            }
            List<Question> open = candidates.stream().filter(q -> q.subject() == Question.Subject.MODIFIER
                    && q.symptom().equals(s.getCode()) && plan.alarmingModifiers().contains(q.modifier().code())).toList();
            boolean anyRaises = raising.stream().anyMatch(a -> open.contains(a.question()));
            if (open.isEmpty() || anyRaises) {
                continue;
            }
            String code = s.getCode();
            Map<String, String> worst = plan.alarmingForms().get(0);
            Probe first = probe.apply(inForm(c, code, worst));
            Urgency formsReach = highest(formOf -> inForm(c, code, formOf.apply(code)), List.of(code), probe, first);
            List<Question> asked = new ArrayList<>(open);
            for (Question q : candidates) {
                // A detail that raises the level alone is asked already: only one that raises with the worst form is sought.
                if (formsReach.compareTo(current) > 0 || q.subject() != Question.Subject.MODIFIER || !q.symptom().equals(code)
                        || plan.alarmingModifiers().contains(q.modifier().code())
                        || raising.stream().anyMatch(a -> a.question().equals(q))) {
                    continue;
                }
                for (String value : first.read().askedChoices(code, q.modifier())) {
                    Outcome withValue = answering.answer(inForm(c, code, worst), q, value);
                    Urgency reached = withValue.refusal() == null ? probe.apply(withValue.triageCase()).urgency() : formsReach;
                    if (reached.compareTo(formsReach) > 0) {
                        formsReach = reached;
                        asked.add(q);
                        break;
                    }
                }
            }
            // A detail can raise the level with a risk factor where neither does alone (severe weakness in kidney
            // disease): the worst form with every open risk factor reported, when the form alone does not raise it.
            List<Question> risks = candidates.stream().filter(q -> q.subject() == Question.Subject.RISK_FACTOR
                    && raising.stream().noneMatch(a -> a.question().equals(q))).toList();
            if (formsReach.compareTo(current) <= 0 && !risks.isEmpty()) {
                TriageCase withRisks = c;
                for (Question q : risks) {
                    withRisks = given(withRisks, q, Answering.YES);
                }
                Urgency reached = probe.apply(inForm(withRisks, code, worst)).urgency();
                if (reached.compareTo(current) > 0) {
                    formsReach = reached;
                    asked.addAll(risks);
                }
            }
            Urgency l = formsReach;
            if (l.compareTo(current) > 0) {
                asked.forEach(q -> raising.add(new Asked(q, answering.optionsWithUnknown(q), l, null, null)));
            }
        }
    }

    /** The case once for each worst form of the symptom, the general ones then its own. */
    List<TriageCase> alarmingForms(TriageCase c, String symptom) {
        List<Map<String, String>> forms = new ArrayList<>(plan.alarmingForms());
        forms.addAll(plan.symptomForms(symptom));
        return forms.stream().map(form -> inForm(c, symptom, form)).toList();
    }

    /** The case with the symptom's details answered as the form says, where the symptom takes them. */
    TriageCase inForm(TriageCase c, String symptom, Map<String, String> form) {
        TriageCase out = c;
        for (Map.Entry<String, String> e : form.entrySet()) {
            Optional<Modifier> modifier = Modifier.byCode(e.getKey());
            if (modifier.isPresent()) {
                Outcome given = answering.answer(out, Question.modifier(symptom, modifier.get()), e.getValue());
                if (given.refusal() == null) {
                    out = given.triageCase();
                }
            }
        }
        return out;
    }

}
