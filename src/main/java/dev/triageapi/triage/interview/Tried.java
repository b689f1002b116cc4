package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.AnswersRead;
import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.facts.TriageCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The what-ifs already evaluated while answers to some questions are tried. A case that differs from one of them only
 * in answers to those questions that its evaluation asked alike ({@link AnswersRead#tellsApart}) is evaluated exactly
 * as that one was, so its probe is that one's. Only details of reported symptoms are compared: a case that answers any
 * other question is never taken as alike.
 */
final class Tried {

    private final List<Question> questions;
    private final List<Map.Entry<TriageCase, Probe>> evaluated = new ArrayList<>();

    Tried(List<Question> questions) {
        this.questions = questions;
    }

    /** Holds {@code c}, evaluated as {@code probe}, among the cases tried (the case the trials start from, say). */
    Tried with(TriageCase c, Probe probe) {
        evaluated.add(Map.entry(c, probe));
        return this;
    }

    /** The probe of a case tried that {@code c} is alike with, or null when there is none. */
    Probe alike(TriageCase c) {
        if (questions.stream().anyMatch(q -> q.subject() != Question.Subject.MODIFIER)) {
            return null;
        }
        for (Map.Entry<TriageCase, Probe> e : evaluated) {
            if (questions.stream().noneMatch(q -> e.getValue().read().tellsApart(q.symptom(), q.modifier(),
                    q.answerIn(e.getKey()), q.answerIn(c)))) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The probe of {@code c}: that of a case tried it is alike with, or {@code evaluate}'s, which is then held. */
    Probe probe(TriageCase c, Function<TriageCase, Probe> evaluate) {
        Probe known = alike(c);
        if (known != null) {
            return known;
        }
        Probe p = evaluate.apply(c);
        with(c, p);
        return p;
    }
}
