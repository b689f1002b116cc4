package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Answering.Outcome;
import dev.triageapi.triage.interview.Interviewer.Asked;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Urgency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A drink, the heat or a recent illness brings a whole episode on (the plan's exposures), and the rules for alcohol
 * poisoning, heat illness and a recent infection fire on any symptom so brought on: the open symptoms, and the reported
 * ones whose cause is still open, are brought on by each exposure together, one evaluation each.
 */
final class Exposures {

    private final InterviewPlan plan;
    private final Answering answering;

    Exposures(InterviewPlan plan, Answering answering) {
        this.plan = plan;
        this.answering = answering;
    }

    /** What brought each reported symptom on, where it is open and not asked already. */
    static List<Question> openCauses(List<Question> candidates, List<Asked> raising) {
        return candidates.stream().filter(q -> q.subject() == Question.Subject.MODIFIER && q.modifier() == Modifier.TRIGGER
                && raising.stream().noneMatch(a -> a.question().equals(q))).toList();
    }

    /**
     * The highest level of the case {@code inForms} builds (every open symptom in the form it is given) with every symptom
     * it holds, and every open cause, brought on by each exposure in turn; {@link Urgency#SELF_CARE} when there is none.
     */
    Urgency reach(Function<Function<String, Map<String, String>>, TriageCase> inForms, List<Question> causes,
                  Function<TriageCase, Probe> probe) {
        Urgency out = Urgency.SELF_CARE;
        for (String exposure : plan.exposures()) {
            Map<String, String> exposed = new LinkedHashMap<>(plan.alarmingForms().get(0));
            exposed.put(Modifier.TRIGGER.code(), exposure);
            TriageCase all = inForms.apply(code -> exposed);
            for (Question cause : causes) {
                Outcome given = answering.answer(all, cause, exposure);
                all = given.refusal() == null ? given.triageCase() : all;
            }
            Urgency l = probe.apply(all).urgency();
            if (l.compareTo(out) > 0) {
                out = l;
            }
        }
        return out;
    }
}
