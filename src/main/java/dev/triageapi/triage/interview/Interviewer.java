package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SelfCarePathwayDefinition;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Answering.Option;
import dev.triageapi.triage.interview.Answering.Outcome;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    public record Interview(List<Asked> questions, boolean complete, int evaluations) {

        public Optional<Asked> next() {
            return questions.stream().findFirst();
        }
    }

    private final Catalog catalog;
    private final InterviewPlan plan;
    private final Answering answering;
    /** The questions a self-care screen asks, which must be answered "no" out loud to clear it. */
    private final Set<String> screened;

    @Inject
    public Interviewer(Catalog catalog) {
        this(catalog, InterviewPlan.load(catalog));
    }

    public Interviewer(Catalog catalog, InterviewPlan plan) {
        this.catalog = catalog;
        this.plan = plan;
        this.answering = new Answering(catalog, plan);
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

    /** How answers become facts and how questions read. */
    public Answering answering() {
        return answering;
    }

    /** A posted answer that could not be taken: which one, whether its question or its answer is at fault, and why. */
    public record Refusal(int index, boolean question, String message) {
    }

    /** A case with the posted answers in it, the questions answered "I don't know", and the answers refused. */
    public record Answered(TriageCase triageCase, Set<String> dontKnow, List<Refusal> refusals) {
    }

    /** Puts posted answers ({@code question id, answer} pairs, in order) into a case. */
    public Answered answer(TriageCase c, List<Map.Entry<String, String>> answers) {
        if (answers == null || answers.isEmpty()) {
            return new Answered(c, Set.of(), List.of());
        }
        Set<String> dontKnow = new HashSet<>();
        List<Refusal> refusals = new ArrayList<>();
        TriageCase answered = c;
        for (int i = 0; i < answers.size(); i++) {
            String id = answers.get(i).getKey();
            Optional<Question> q = Question.parse(id);
            if (q.isEmpty() || !known(q.get())) {
                refusals.add(new Refusal(i, true, "no such question; post back the id of one of interview.questions"));
                continue;
            }
            if (q.get().subject() == Question.Subject.MODIFIER && !reported(answered, q.get().symptom())) {
                refusals.add(new Refusal(i, true, "asks about a symptom that is not reported present or unknown"));
                continue;
            }
            Answering.Outcome out = answering.answer(answered, q.get(), answers.get(i).getValue());
            if (out.refusal() != null) {
                refusals.add(new Refusal(i, false, out.refusal()));
                continue;
            }
            answered = out.triageCase();
            if (Answering.UNKNOWN.equals(answers.get(i).getValue())) {
                dontKnow.add(q.get().id());
            }
        }
        return new Answered(answered, Set.copyOf(dontKnow), List.copyOf(refusals));
    }

    /**
     * The interview of a case at level {@code current}: {@code dontKnow} holds the ids answered "I don't know",
     * {@code level} evaluates a case, and at most {@code maxRaising} raising questions are verified (the most
     * dangerous complaints' questions come first), which bounds the evaluations of a long interview's first rounds.
     */
    public Interview interview(TriageCase c, Set<String> dontKnow, Urgency current, Function<TriageCase, Urgency> level,
                               int maxRaising) {
        return interview(c, dontKnow, current, level, maxRaising, Integer.MAX_VALUE);
    }

    /**
     * The interview, making at most {@code maxEvaluations} evaluations: a request with many symptoms opens many
     * questions, and a client must not be able to buy unbounded CPU with one POST. When they run out, the questions
     * verified so far are returned and the interview is not complete.
     */
    public Interview interview(TriageCase c, Set<String> dontKnow, Urgency current, Function<TriageCase, Urgency> level,
                               int maxRaising, int maxEvaluations) {
        List<Asked> raising = new ArrayList<>();
        List<Asked> lowering = new ArrayList<>();
        int[] spent = {0};
        Function<TriageCase, Urgency> budgeted = x -> {
            if (++spent[0] > maxEvaluations) {
                throw new BudgetSpent();
            }
            return level.apply(x);
        };
        boolean complete;
        try {
            complete = verify(c, dontKnow, current, budgeted, maxRaising, raising, lowering);
        } catch (BudgetSpent e) {
            complete = false;
        }
        raising.sort(Comparator.comparing(Asked::couldRaiseTo).reversed());
        lowering.sort(Comparator.comparing(Asked::couldLowerTo));
        List<Asked> all = new ArrayList<>(raising);
        all.addAll(lowering);
        return new Interview(List.copyOf(all), complete && all.isEmpty(), Math.min(spent[0], maxEvaluations));
    }

    /** Thrown when an interview has made all the evaluations it may. */
    private static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    /** Fills the raising and lowering questions; true when every open question was verified. */
    private boolean verify(TriageCase c, Set<String> dontKnow, Urgency current, Function<TriageCase, Urgency> level,
                           int maxRaising, List<Asked> raising, List<Asked> lowering) {
        List<Question> candidates = candidates(c, dontKnow);
        // Reporting a symptom or a risk factor, or a pregnancy, never lowers the level (a property the rules are tested
        // for): when all of them together, each symptom at its most alarming, do not raise it, none of them can alone.
        boolean presenceCanRaise = false;
        if (current != Urgency.EMERGENCY_AMBULANCE) {
            presenceCanRaise = level.apply(allPresent(c, candidates)).compareTo(current) > 0;
        }
        // What a symptom opens in turn is checked only once nothing else is left to ask (symptomsTogether below): its
        // bound holds every symptom reachable, and the cost of an evaluation grows with the facts in the case.
        boolean allSeen = true;
        // At the highest level nothing can raise it: only the answers that lower it are sought, all together below.
        for (Question q : current == Urgency.EMERGENCY_AMBULANCE ? List.<Question>of() : candidates) {
            if (raising.size() >= maxRaising) {
                allSeen = false;
                break;
            }
            if (!presenceCanRaise && PRESENCE.contains(q.subject())) {
                continue;
            }
            Urgency highest = current;
            Urgency lowest = current;
            String lowestWith = null;
            for (String answer : probes(q)) {
                boolean alarming = ALARMING.equals(answer);
                Outcome out = answering.answer(c, q, alarming ? Answering.YES : answer);
                if (out.refusal() != null) {
                    continue;
                }
                TriageCase answered = out.triageCase();
                if (alarming) {
                    answered = alarming(answered, q.symptom());
                }
                Urgency l = level.apply(answered);
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
                raising.add(new Asked(q, options(q), highest, lowered, lowered == null ? null : lowestWith));
            } else if (lowered != null) {
                lowering.add(new Asked(q, options(q), null, lowered, lowestWith));
            }
        }
        if (allSeen) {
            jointlyRaising(c, candidates, current, level, raising);
            if (raising.isEmpty()) {
                symptomsTogether(c, candidates, current, level, raising);
            }
        }
        if (raising.isEmpty() && lowering.isEmpty() && allSeen && current != Urgency.SELF_CARE) {
            Joint joint = jointlyLowered(c, candidates, level);
            if (joint.level().compareTo(current) < 0) {
                joint.answers().forEach((q, answer) -> lowering.add(new Asked(q, options(q), null, joint.level(), answer)));
            }
        }
        return allSeen;
    }

    private record Joint(Map<Question, String> answers, Urgency level, int evaluations) {
    }

    /** The questions whose "yes" reports something present: a symptom, a risk factor, a pregnancy. */
    private static final Set<Question.Subject> PRESENCE = Set.of(Question.Subject.SYMPTOM, Question.Subject.RISK_FACTOR,
            Question.Subject.PREGNANCY);

    /**
     * The case with every open symptom reported at its most alarming, every open risk factor present and, where asked,
     * a pregnancy: the highest level those questions can reach (what a symptom opens in turn is left to
     * {@link #symptomsTogether}).
     */
    private TriageCase allPresent(TriageCase c, List<Question> candidates) {
        TriageCase all = c;
        List<String> next = new ArrayList<>();
        for (Question q : candidates) {
            switch (q.subject()) {
                case SYMPTOM -> next.add(q.symptom());
                case RISK_FACTOR -> all = given(all, q, Answering.YES);
                case PREGNANCY -> all = given(all, q, Pregnancy.PREGNANT.code());
                default -> { }
            }
        }
        for (String code : next) {
            all = alarming(given(all, Question.symptom(code), Answering.YES), code);
        }
        return all;
    }

    private TriageCase given(TriageCase c, Question q, String answer) {
        Outcome out = answering.answer(c, q, answer);
        return out.refusal() == null ? out.triageCase() : c;
    }

    /**
     * Symptoms can raise the level together where none does alone (double vision with drooping eyelids and trouble
     * swallowing), or through what they open in turn (vomiting, once reported, asks about cramps). The open symptom
     * questions not already asked, and every symptom their answers would open, are answered "yes" together, each at its
     * most alarming; if that raises the level, each open question is asked, with that level. Adding a symptom never
     * lowers the level (a property the rules are tested for), so a bound that does not rise proves none of them could
     * raise it. Returns the evaluations made.
     */
    private int symptomsTogether(TriageCase c, List<Question> candidates, Urgency current, Function<TriageCase, Urgency> level,
                                 List<Asked> raising) {
        List<Question> open = candidates.stream().filter(q -> q.subject() == Question.Subject.SYMPTOM
                && raising.stream().noneMatch(a -> a.question().equals(q))).toList();
        if (open.isEmpty() || current == Urgency.EMERGENCY_AMBULANCE) {
            return 0;
        }
        Set<String> reachable = new LinkedHashSet<>();
        ArrayDeque<String> next = new ArrayDeque<>();
        open.forEach(q -> next.add(q.symptom()));
        while (!next.isEmpty()) {
            String code = next.pop();
            if (Answering.indexOf(c, code) < 0 && reachable.add(code)) {
                plan.complaint(code).ifPresent(cmp -> next.addAll(cmp.symptoms()));
            }
        }
        TriageCase all = c;
        for (String code : reachable) {
            Outcome out = answering.answer(all, Question.symptom(code), Answering.YES);
            if (out.refusal() == null) {
                all = alarming(out.triageCase(), code);
            }
        }
        Urgency l = level.apply(all);
        if (l.compareTo(current) > 0) {
            open.forEach(q -> raising.add(new Asked(q, options(q), l, null, null)));
        }
        return 1;
    }

    /**
     * A reported symptom's details can raise the level together where none does alone (begun suddenly, and today).
     * For each reported symptom none of whose open details raises the level alone, the case with all of them at their
     * most alarming is evaluated; if that raises it, each of those details is asked, with that level. Returns the
     * evaluations made.
     */
    private int jointlyRaising(TriageCase c, List<Question> candidates, Urgency current, Function<TriageCase, Urgency> level,
                               List<Asked> raising) {
        if (current == Urgency.EMERGENCY_AMBULANCE) {
            return 0;
        }
        int evaluations = 0;
        for (Symptom s : c.symptoms()) {
            if (s.getStatus() != SymptomStatus.PRESENT) {
                continue;
            }
            List<Question> open = candidates.stream().filter(q -> q.subject() == Question.Subject.MODIFIER
                    && q.symptom().equals(s.getCode()) && plan.alarmingAnswers().containsKey(q.modifier().code())).toList();
            boolean anyRaises = raising.stream().anyMatch(a -> open.contains(a.question()));
            if (open.isEmpty() || anyRaises) {
                continue;
            }
            Urgency l = level.apply(alarming(c, s.getCode()));
            evaluations++;
            if (l.compareTo(current) > 0) {
                open.forEach(q -> raising.add(new Asked(q, options(q), l, null, null)));
            }
        }
        return evaluations;
    }

    /**
     * The lowest level the open questions can reach together, and the answers that reach it: every open question given
     * its benign answer, then, for each modifier with no single benign answer (what brought it on, how long ago), each
     * of its answers tried for all its open questions at once, keeping the one that lowers the level most. Trying one
     * answer for all of them at once finds what trying them one at a time cannot: two complaints that each keep the
     * level up until both are answered.
     */
    private Joint jointlyLowered(TriageCase c, List<Question> candidates, Function<TriageCase, Urgency> level) {
        Map<Question, String> chosen = new LinkedHashMap<>();
        for (Question q : candidates) {
            // A symptom or risk factor left unsaid already counts as not there for every rule; only a self-care screen
            // needs to hear "no" said. Leaving the others out keeps the case small (its size drives the cost).
            if (!PRESENCE.contains(q.subject()) || screened.contains(q.id())) {
                plan.benignAnswer(q).ifPresent(answer -> chosen.put(q, answer));
            }
        }
        Urgency best = level.apply(answered(c, chosen));
        int evaluations = 1;
        for (String modifier : plan.triedEach()) {
            List<Question> group = candidates.stream().filter(q -> plan.triesEach(q) && q.modifier().code().equals(modifier)).toList();
            if (group.isEmpty()) {
                continue;
            }
            Map<Question, String> kept = null;
            for (Option option : answering.options(group.get(0))) {
                Map<Question, String> trial = new LinkedHashMap<>(chosen);
                group.forEach(q -> trial.put(q, option.code()));
                Urgency l = level.apply(answered(c, trial));
                evaluations++;
                if (l.compareTo(best) < 0) {
                    best = l;
                    kept = trial;
                }
            }
            if (kept != null) {
                chosen.clear();
                chosen.putAll(kept);
            }
        }
        return new Joint(chosen, best, evaluations);
    }

    /** The case with each of these answers given; an answer the case refuses is left out (and dropped from the map). */
    private TriageCase answered(TriageCase c, Map<Question, String> answers) {
        TriageCase out = c;
        for (var it = answers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Question, String> e = it.next();
            Outcome given = answering.answer(out, e.getKey(), e.getValue());
            if (given.refusal() == null) {
                out = given.triageCase();
            } else {
                it.remove();
            }
        }
        return out;
    }

    private static boolean reported(TriageCase c, String symptom) {
        int at = Answering.indexOf(c, symptom);
        return at >= 0 && c.symptoms().get(at).getStatus() != SymptomStatus.ABSENT;
    }

    /** True when the codes the question names are in the catalog, and a modifier is one its symptom takes. */
    private boolean known(Question q) {
        return switch (q.subject()) {
            case SYMPTOM -> catalog.symptom(q.symptom()).isPresent();
            case MODIFIER -> catalog.symptom(q.symptom()).filter(d -> d.modifiers().contains(q.modifier().code())).isPresent();
            case RISK_FACTOR -> catalog.isRiskFactor(q.riskFactor());
            default -> true;
        };
    }

    /**
     * The answers whose level is evaluated: every option; for a symptom also "yes" at its most alarming, since its
     * details are unknown until it is reported and asked; for age one age in each band the rules tell apart.
     */
    private List<String> probes(Question q) {
        if (q.subject() == Question.Subject.AGE) {
            return plan.ageProbes().stream().map(String::valueOf).toList();
        }
        List<String> out = new ArrayList<>(answering.options(q).stream().map(Option::code).toList());
        if (q.subject() == Question.Subject.SYMPTOM || q.subject() == Question.Subject.RISK_FACTOR) {
            // "No" is the benign answer, tried with the others when a lower level is sought; alone it raises nothing.
            out.remove(Answering.NO);
        }
        if (q.subject() == Question.Subject.SYMPTOM) {
            out.add(ALARMING);
        }
        return out;
    }

    /** The probe of a symptom reported with its most alarming details; never an option a patient is offered. */
    private static final String ALARMING = "yes, at its most alarming";

    /** The case with the symptom's unknown details given their most alarming answers (where the symptom takes them). */
    private TriageCase alarming(TriageCase c, String symptom) {
        TriageCase out = c;
        for (Map.Entry<String, String> e : plan.alarmingAnswers().entrySet()) {
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

    private List<Option> options(Question q) {
        List<Option> out = new ArrayList<>(answering.options(q));
        out.add(answering.unknownOption());
        return List.copyOf(out);
    }

    /**
     * The open questions, in the order they are verified, as a telephone nurse asks them: what each reported symptom is
     * like (how it began, where, how bad), then the symptoms each complaint opens (red flags first), then risk
     * factors, the self-care screens, pregnancy, treatment and age.
     */
    List<Question> candidates(TriageCase c, Set<String> dontKnow) {
        Map<String, Question> out = new LinkedHashMap<>();
        List<Symptom> present = c.symptoms().stream().filter(s -> s.getStatus() == SymptomStatus.PRESENT).toList();
        boolean pregnancy = false;
        boolean screenedPregnancy = false;
        boolean underTreatment = false;
        for (Symptom s : present) {
            SymptomDefinition definition = catalog.symptom(s.getCode()).orElseThrow();
            definition.modifiers().forEach(m -> add(out, Question.modifier(s.getCode(), Modifier.byCode(m).orElseThrow())));
        }
        for (Symptom s : present) {
            Optional<InterviewPlan.Complaint> complaint = plan.complaint(s.getCode());
            complaint.ifPresent(cmp -> cmp.symptoms().forEach(code -> add(out, Question.symptom(code))));
            pregnancy |= complaint.map(InterviewPlan.Complaint::pregnancy).orElse(false);
            underTreatment |= complaint.map(InterviewPlan.Complaint::underTreatment).orElse(false);
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
        out.values().removeIf(q -> dontKnow.contains(q.id()) || answering.answeredIn(c, q));
        return List.copyOf(out.values());
    }

    private static void add(Map<String, Question> out, Question q) {
        out.putIfAbsent(q.id(), q);
    }
}
