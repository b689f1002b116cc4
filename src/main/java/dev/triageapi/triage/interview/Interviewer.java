package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.engine.AnswersRead;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Answering.Option;
import dev.triageapi.triage.interview.Answering.Outcome;
import dev.triageapi.vocabulary.Urgency;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Chooses what to ask next. The candidates are what the reported complaints open in the plan and have not been
 * answered (an "I don't know" is an answer). A question is asked only when evaluating the case with one of its answers
 * really raises the level ({@code couldRaiseTo}) or lowers it ({@code couldLowerTo}). Bounds spare most evaluations and
 * catch combinations no single answer shows: every open symptom, risk factor and pregnancy present at once (presence
 * never lowers the level), a symptom's details at their most alarming, what a symptom opens in turn, and the benign
 * answers together for the way down. The interview is complete when nothing left could change the level.
 */
@Singleton
@Startup // the plan is checked when the service starts: a broken plan stops it, as broken rules do
public final class Interviewer {

    /** A question put to the patient, with the level its answer can lead to and its answers. */
    public record Asked(Question question, List<Option> options, Urgency couldRaiseTo, Urgency couldLowerTo, String lowersWith) {
    }

    /**
     * The questions to ask, the next first, and whether the interview is complete: every open question was verified
     * and none can change the level. An interview whose evaluations ran out before that is never complete.
     */
    public record Interview(List<Asked> questions, boolean complete, List<Asked> unresolved, int evaluations) {

        public Optional<Asked> next() {
            return questions.stream().findFirst();
        }
    }

    private final Catalog catalog;
    private final InterviewPlan plan;
    private final Answering answering;
    private final Candidates candidates;
    private final PostedAnswers posted;
    private final WayDown wayDown;
    private final WayUp wayUp;
    private final Unresolved unresolved;

    @Inject
    public Interviewer(Catalog catalog) {
        this(catalog, InterviewPlan.load(catalog));
    }

    public Interviewer(Catalog catalog, InterviewPlan plan) {
        this.catalog = catalog;
        this.plan = plan;
        this.answering = new Answering(catalog, plan);
        this.candidates = new Candidates(catalog, plan, answering);
        this.posted = new PostedAnswers(catalog, answering);
        this.wayDown = new WayDown(plan, answering, candidates);
        this.wayUp = new WayUp(plan, answering);
        this.unresolved = new Unresolved(answering, wayUp);
    }

    /** The plan the interview follows (its questions, answers and durations). */
    public InterviewPlan plan() {
        return plan;
    }

    /** How answers become facts and how questions read. */
    public Answering answering() {
        return answering;
    }

    /**
     * The case with this symptom reported in each of its worst forms (the plan's raising answers), or none when the case
     * already mentions it: what a symptom the patient did not report could do to the level.
     */
    public List<TriageCase> ifReported(TriageCase c, String symptom) {
        if (Answering.indexOf(c, symptom) >= 0) {
            return List.of();
        }
        Outcome yes = answering.answer(c, Question.symptom(symptom), Answering.YES);
        return yes.refusal() == null ? wayUp.alarmingForms(yes.triageCase(), symptom) : List.of();
    }

    /** Puts posted answers ({@code question id, answer} pairs, in order) into a case. */
    public PostedAnswers.Answered answer(TriageCase c, List<Map.Entry<String, String>> answers) {
        return posted.apply(c, answers);
    }

    /**
     * The interview of a case at level {@code current}: {@code dontKnow} holds the ids answered "I don't know",
     * {@code level} evaluates a case, at most {@code maxRaising} raising questions are verified (the most dangerous
     * complaints' questions come first) and at most {@code maxEvaluations} evaluations made. Every answer is taken to
     * matter: the interview of an {@link Assessment} with {@link Probe}s knows better and spares evaluations.
     */
    public Interview interview(TriageCase c, Set<String> dontKnow, Urgency current, Function<TriageCase, Urgency> level,
                               int maxRaising, int maxEvaluations) {
        return interview(c, dontKnow, Probe.of(current), Prober.exact(x -> Probe.of(level.apply(x))),
                maxRaising, maxEvaluations);
    }

    /**
     * The interview of a case the rules assessed as {@code assessed}, {@code probe} evaluating its what-ifs, making at most
     * {@code maxEvaluations} evaluations, give or take one ({@link Budgeted}): a request with many symptoms opens many
     * questions, and a client must not be able to buy unbounded CPU with one POST. When they run out, the questions verified so far are returned and the
     * interview is not complete. A question about an answer the rules did not read when they evaluated the case, or
     * asked alike about with no answer, costs no evaluation ({@link AnswersRead}, {@link AskedAlike}).
     */
    public Interview interview(TriageCase c, Set<String> dontKnow, Assessment assessed, Prober probe,
                               int maxRaising, int maxEvaluations) {
        return interview(c, dontKnow, assessed.probe(), probe, maxRaising, maxEvaluations);
    }

    private Interview interview(TriageCase c, Set<String> dontKnow, Probe base, Prober probe,
                                int maxRaising, int maxEvaluations) {
        Urgency current = base.urgency();
        List<Asked> raising = new ArrayList<>();
        List<Asked> lowering = new ArrayList<>();
        Budgeted budgeted = new Budgeted(new AskedAlike(c, base, probe), maxEvaluations);
        boolean complete;
        List<Asked> named = new ArrayList<>();
        try {
            // The symptoms, risk factors and pregnancy "I don't know" left open are named first: when the evaluations
            // run out, the questions still to ask may be cut short, but not the list of what could not be ruled out.
            unresolved.presence(c, dontKnow, current, budgeted, named);
            complete = verify(c, dontKnow, base, budgeted, maxRaising, raising, lowering);
        } catch (Budgeted.Spent e) {
            complete = false;
        }
        try {
            // A detail costs an evaluation per answer it takes: tried last, so that a patient who cannot describe their
            // symptoms is still asked about the red flags, with what the budget leaves.
            unresolved.details(c, dontKnow, current, budgeted, named);
        } catch (Budgeted.Spent e) {
            // the details not yet tried stay unnamed; the interview's completeness does not depend on them
        }
        raising.sort(Comparator.comparing(Asked::couldRaiseTo).reversed());
        lowering.sort(Comparator.comparing(Asked::couldLowerTo));
        List<Asked> all = new ArrayList<>(raising);
        all.addAll(lowering);
        named.sort(Comparator.comparing(Asked::couldRaiseTo).reversed());
        return new Interview(List.copyOf(all), complete && all.isEmpty(), List.copyOf(named),
                budgeted.evaluations());
    }

    /** Fills the raising and lowering questions; true when every open question was verified. */
    private boolean verify(TriageCase c, Set<String> dontKnow, Probe base, Prober prober,
                           int maxRaising, List<Asked> raising, List<Asked> lowering) {
        Urgency current = base.urgency();
        // Whether an answer raises the level needs only the rules that can conclude a higher one.
        Function<TriageCase, Probe> probe = x -> prober.above(x, current);
        List<Question> candidates = this.candidates.of(c, dontKnow);
        // Reporting a symptom or a risk factor, or a pregnancy, never lowers the level (a property the rules are tested
        // for): when all of them together, each symptom at its most alarming, do not raise it, none of them can alone.
        // At a consultation or below nearly every red flag raises, so that bound (the largest case an interview
        // evaluates) would only add its cost: each is probed alone.
        boolean presenceCanRaise = current.compareTo(Urgency.CONSULTATION) <= 0;
        if (!presenceCanRaise && current != Urgency.EMERGENCY_AMBULANCE) {
            presenceCanRaise = wayUp.allPresent(c, candidates, probe).compareTo(current) > 0;
        }
        BooleanSupplier risksCanRaise = wayUp.riskFactorsCanRaise(c, candidates, current, probe);
        // What a symptom opens in turn is checked only once nothing else is left to ask (symptomsTogether below): its
        // bound holds every symptom reachable, and the cost of an evaluation grows with the facts in the case.
        boolean allSeen = true;
        // At the highest level nothing can raise it: only the answers that lower it are sought, all together below.
        for (Question q : current == Urgency.EMERGENCY_AMBULANCE ? List.<Question>of() : candidates) {
            if (raising.size() >= maxRaising) {
                allSeen = false;
                break;
            }
            if (!presenceCanRaise && q.subject().reportsPresence()
                    || q.subject() == Question.Subject.RISK_FACTOR && !risksCanRaise.getAsBoolean()) {
                continue;
            }
            if (q.subject() == Question.Subject.MODIFIER && !base.read().read(q.symptom(), q.modifier())) {
                continue;
            }
            Urgency highest = current;
            Urgency lowest = current;
            String lowestWith = null;
            Tried tried = new Tried(List.of(q));
            for (String answer : probes(q)) {
                boolean alarming = ALARMING.equals(answer);
                Outcome out = answering.answer(c, q, alarming ? Answering.YES : answer);
                if (out.refusal() != null) {
                    continue;
                }
                Urgency l = alarming ? wayUp.highestForm(out.triageCase(), q.symptom(), probe)
                        : tried.probe(out.triageCase(), x -> prober.level(x, current)).urgency();
                if (l.compareTo(highest) > 0) {
                    highest = l;
                }
                if (l.compareTo(lowest) < 0 && !alarming) {
                    lowest = l;
                    lowestWith = answer;
                }
            }
            Urgency lowered = lowest.compareTo(current) < 0 ? lowest : null;
            if (highest.compareTo(current) > 0) {
                raising.add(new Asked(q, answering.optionsWithUnknown(q), highest, lowered, lowered == null ? null : lowestWith));
            } else if (lowered != null) {
                lowering.add(new Asked(q, answering.optionsWithUnknown(q), null, lowered, lowestWith));
            }
        }
        if (allSeen) {
            wayUp.jointlyRaising(c, candidates, current, probe, raising);
            if (raising.isEmpty()) {
                wayUp.symptomsTogether(c, candidates, current, probe, raising);
            }
        }
        if (raising.isEmpty() && lowering.isEmpty() && allSeen && current != Urgency.SELF_CARE) {
            WayDown.Joint joint = wayDown.lowest(c, current, candidates, prober);
            if (joint.level().compareTo(current) < 0) {
                joint.answers().forEach((q, answer) -> lowering.add(new Asked(q, answering.optionsWithUnknown(q), null, joint.level(), answer)));
            }
        }
        return allSeen;
    }

    /**
     * The answers whose level is evaluated: every option; for a symptom "yes" at its most alarming, since its details
     * are unknown until it is reported and asked; for age one age in each band the rules tell apart.
     */
    private List<String> probes(Question q) {
        if (q.subject() == Question.Subject.AGE) {
            return plan.ageProbes().stream().map(String::valueOf).toList();
        }
        if (q.subject() == Question.Subject.SYMPTOM) {
            // Reporting a symptom never lowers the level, and at its most alarming it never gets less than with its
            // details unknown (both tested properties): its most alarming "yes" alone gives the highest level.
            return List.of(ALARMING);
        }
        List<String> out = new ArrayList<>(answering.options(q).stream().map(Option::code).toList());
        if (q.subject() == Question.Subject.RISK_FACTOR) {
            // "No" is the benign answer, tried with the others when a lower level is sought; alone it raises nothing.
            out.remove(Answering.NO);
        }
        return out;
    }

    /** The probe of a symptom reported with its most alarming details; never an option a patient is offered. */
    private static final String ALARMING = "yes, at its most alarming";

}
