package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Interviewer.Asked;
import dev.triageapi.triage.interview.Interviewer.Interview;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.Urgency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A patient at an intake app: starts from what they first say, then answers every question the service asks from the
 * whole truth they know, "I don't know" for what it does not say, round after round, as an app posts the request
 * again with every answer so far. Runs the same steps as the service, without HTTP.
 */
final class SimulatedPatient {

    /** How an interview ended: the level, the rounds it took, whether the service called it complete, what was asked. */
    record Ending(Urgency level, int rounds, boolean complete, List<String> asked, List<Urgency> levels, int evaluations) {
    }

    static final int MAX_ROUNDS = 10;
    /** The service's default for triage.api.interview-questions. */
    static final int QUESTIONS_PER_ANSWER = 8;

    private final Catalog catalog;
    private final RuleSet rules;
    private final TriageEngine engine;
    private final Interviewer interviewer;
    private final InterviewPlan plan;
    private final int questionsPerRound;

    SimulatedPatient(Catalog catalog, RuleSet rules, int questionsPerRound) {
        this.catalog = catalog;
        this.rules = rules;
        this.engine = new TriageEngine(catalog);
        this.plan = InterviewPlan.load(catalog);
        this.interviewer = new Interviewer(catalog, plan);
        this.questionsPerRound = questionsPerRound;
    }

    /**
     * Runs the interview as an app that shows one question at a time does: only {@code next} is answered each round,
     * for at most {@code maxRounds} rounds.
     */
    Ending interviewOneAtATime(TriageCase start, TriageCase truth, int maxRounds) {
        return drive(start, truth, maxRounds, interview -> interview.next().map(Asked::question).stream().toList());
    }

    /** The case once these answers are posted with the first message. */
    TriageCase answered(TriageCase start, List<Map.Entry<String, String>> answers) {
        return interviewer.answer(start, answers).triageCase();
    }

    /** How answers become facts, as the service has it. */
    Answering answering() {
        return interviewer.answering();
    }

    /** The level the whole truth gets when sent at once. */
    Urgency atOnce(TriageCase truth) {
        return engine.assess(rules, truth, false).urgency();
    }

    /** One round as the service runs it: the posted answers into the case, the assessment, the interview. */
    Interview round(TriageCase start, List<Map.Entry<String, String>> answers, List<Urgency> levels) {
        PostedAnswers.Answered answered = interviewer.answer(start, answers);
        if (!answered.refusals().isEmpty()) {
            throw new AssertionError("the service refused the patient's answers: " + answered.refusals());
        }
        TriageEngine.Judged judged = engine.judge(rules, answered.triageCase(), false);
        Assessment a = judged.assessment();
        levels.add(a.urgency());
        return interviewer.interview(answered.triageCase(), answered.dontKnow(), a,
                judged.prober(), questionsPerRound, Integer.MAX_VALUE);
    }

    /** Runs the interview from {@code start}, answering from {@code truth}, for at most {@link #MAX_ROUNDS} rounds. */
    Ending interview(TriageCase start, TriageCase truth) {
        return drive(start, truth, MAX_ROUNDS, interview -> interview.questions().stream().map(Asked::question).toList());
    }

    /**
     * Rounds of the interview, each answering from the truth the questions {@code shown} picks that were not asked
     * before, until it is complete, shows nothing new, or {@code maxRounds} have passed.
     */
    private Ending drive(TriageCase start, TriageCase truth, int maxRounds, Function<Interview, List<Question>> shown) {
        List<Map.Entry<String, String>> answers = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>();
        List<Urgency> levels = new ArrayList<>();
        int evaluations = 0;
        for (int round = 1; ; round++) {
            Interview interview = round(start, answers, levels);
            evaluations += interview.evaluations();
            Urgency level = levels.get(levels.size() - 1);
            List<Question> fresh = shown.apply(interview).stream().filter(q -> asked.add(q.id())).toList();
            if (Boolean.getBoolean("interview.debug")) {
                System.out.println("round " + round + " level " + level + " " + interview.questions().stream()
                        .map(q -> q.question().id() + "^" + q.couldRaiseTo() + "v" + q.couldLowerTo() + "=" + q.lowersWith()).toList()
                        + "\n answers " + answers);
            }
            if (interview.complete() || fresh.isEmpty() || round == maxRounds) {
                return new Ending(level, round, interview.complete(), List.copyOf(asked), levels, evaluations);
            }
            for (Question q : fresh) {
                for (String answer : answer(q, truth)) {
                    answers.add(Map.entry(q.id(), answer));
                }
            }
        }
    }

    /** The patient's answer to a question from the whole truth: "unknown" where the truth says nothing. */
    List<String> answer(Question q, TriageCase truth) {
        Patient p = truth.patient();
        return switch (q.subject()) {
            case SYMPTOM -> List.of(symptom(truth, q.symptom()) == null ? Answering.UNKNOWN
                    : switch (symptom(truth, q.symptom()).getStatus()) {
                        case PRESENT -> Answering.YES;
                        case ABSENT -> Answering.NO;
                        case UNKNOWN -> Answering.UNKNOWN;
                    });
            case RISK_FACTOR -> List.of(truth.riskFactors().stream().anyMatch(r -> r.getCode().equals(q.riskFactor())) ? Answering.YES
                    : truth.absentRiskFactors().stream().anyMatch(r -> r.getCode().equals(q.riskFactor())) ? Answering.NO
                    : Answering.UNKNOWN);
            // A man asked (his sex not given) answers that he is not pregnant.
            case PREGNANCY -> List.of(p.getPregnancy() != null ? p.getPregnancy().code()
                    : p.getSex() == Sex.MALE ? Pregnancy.NOT_PREGNANT.code() : Answering.UNKNOWN);
            case UNDER_TREATMENT -> List.of(p.getUnderTreatment() == null ? Answering.UNKNOWN
                    : p.getUnderTreatment() ? Answering.YES : Answering.NO);
            case AGE -> List.of(p.getAge() == null ? Answering.UNKNOWN : String.valueOf(p.getAge()));
            case MODIFIER -> modifier(truth, q);
        };
    }

    private List<String> modifier(TriageCase truth, Question q) {
        Symptom s = symptom(truth, q.symptom());
        Object value = s == null ? null : s.get(q.modifier());
        if (value == null) {
            return List.of(Answering.UNKNOWN);
        }
        return switch (q.modifier().kind()) {
            case BOOLEAN -> List.of((Boolean) value ? Answering.YES : Answering.NO);
            case DECIMAL -> List.of(plan.durationOf((Double) value).code());
            case CHOICE -> List.of(code(q.modifier(), value));
            case CHOICES -> ((Collection<?>) value).stream().map(v -> code(q.modifier(), v)).toList();
        };
    }

    private static String code(Modifier modifier, Object value) {
        return modifier.choices().stream().filter(c -> modifier.choice(c).orElseThrow().equals(value)).findFirst().orElseThrow();
    }

    private static Symptom symptom(TriageCase c, String code) {
        return c.symptoms().stream().filter(s -> s.getCode().equals(code)).findFirst().orElse(null);
    }

    Catalog catalog() {
        return catalog;
    }
}
