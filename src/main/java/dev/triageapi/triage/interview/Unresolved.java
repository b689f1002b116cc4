package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Answering.Option;
import dev.triageapi.triage.interview.Answering.Outcome;
import dev.triageapi.triage.interview.Interviewer.Asked;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Urgency;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** What "I don't know" left open: the questions so answered whose other answers could still raise the level. */
final class Unresolved {

    private final Answering answering;
    private final WayUp wayUp;

    Unresolved(Answering answering, WayUp wayUp) {
        this.answering = answering;
        this.wayUp = wayUp;
    }

    /**
     * The questions answered "I don't know" whose "yes" (a symptom at its most alarming) would raise the level: not
     * asked again, but not ruled out either, and said so. Most rules need a red flag reported present, so for them an
     * unknown answer weighs no more than a "no"; the answer names what could not be excluded instead of hiding it.
     */
    void presence(TriageCase c, Set<String> dontKnow, Urgency current, Prober prober, List<Asked> out) {
        if (current == Urgency.EMERGENCY_AMBULANCE) {
            return;
        }
        Function<TriageCase, Probe> probe = x -> prober.above(x, current);
        for (String id : dontKnow.stream().sorted().toList()) {
            Question q = Question.parse(id).orElse(null);
            if (q == null || !q.subject().reportsPresence()) {
                continue;
            }
            String yes = q.subject() == Question.Subject.PREGNANCY ? Pregnancy.PREGNANT.code() : Answering.YES;
            Outcome given = answering.answer(c, q, yes);
            if (given.refusal() != null) {
                continue;
            }
            Urgency l = q.subject() == Question.Subject.SYMPTOM ? wayUp.highestForm(given.triageCase(), q.symptom(), probe)
                    : probe.apply(given.triageCase()).urgency();
            if (l.compareTo(current) > 0) {
                out.add(new Asked(q, answering.optionsWithUnknown(q), l, null, null));
            }
        }
    }

    /**
     * The details answered "I don't know" (how a symptom began, whether it is spreading) one of whose answers would
     * raise the level, named as {@link #presence} names a symptom; the first answer that reaches an ambulance ends
     * the search for that detail.
     */
    void details(TriageCase c, Set<String> dontKnow, Urgency current, Prober prober, List<Asked> out) {
        for (String id : dontKnow.stream().sorted().toList()) {
            Question q = Question.parse(id).filter(x -> x.subject() == Question.Subject.MODIFIER).orElse(null);
            if (q == null || current == Urgency.EMERGENCY_AMBULANCE) {
                continue;
            }
            Urgency highest = current;
            for (Option option : answering.options(q)) {
                Outcome given = answering.answer(c, q, option.code());
                if (given.refusal() == null && given.triageCase() != c) {
                    highest = highest.max(prober.above(given.triageCase(), current).urgency());
                }
                if (highest == Urgency.EMERGENCY_AMBULANCE) {
                    break;
                }
            }
            if (highest.compareTo(current) > 0) {
                out.add(new Asked(q, answering.optionsWithUnknown(q), highest, null, null));
            }
        }
    }
}
