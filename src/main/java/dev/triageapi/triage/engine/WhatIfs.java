package dev.triageapi.triage.engine;

import dev.triageapi.triage.engine.Assessment.ScreenQuestion;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The what-if evaluations behind an assessment's questions: each follow-up question's level is the one the case gets
 * when that answer is given and nothing else changes, and a self-care screen is kept only where answering all of it
 * "no" really lowers the level, both found by evaluating the case so answered ({@code level}).
 */
final class WhatIfs {

    private WhatIfs() {
    }

    /** The follow-up questions whose answer really raises the level above {@code first}'s, each with that exact level. */
    static List<FollowUp> raising(TriageCase triageCase, Assessment first, Function<TriageCase, Urgency> level) {
        List<FollowUp> exact = new ArrayList<>();
        for (FollowUp question : first.followUps()) {
            TriageCase answered = answered(triageCase, question);
            Urgency raised = answered == null ? question.couldRaiseTo() : level.apply(answered);
            if (raised.compareTo(first.urgency()) > 0) {
                exact.add(new FollowUp(question.symptom(), question.modifier(), question.value(), raised, question.question()));
            }
        }
        return exact;
    }

    /**
     * The open screen questions of each recognised pathway, kept only where answering all of that pathway's open
     * questions "no" really gives a lower level (found by evaluating the case so answered, as for follow-ups).
     */
    static List<ScreenQuestion> lowering(TriageCase triageCase, Assessment first, Function<TriageCase, Urgency> level) {
        Map<String, List<ScreenQuestion>> byPathway = new TreeMap<>();
        first.screenQuestions().forEach(q -> byPathway.computeIfAbsent(q.pathway(), k -> new ArrayList<>()).add(q));
        List<ScreenQuestion> kept = new ArrayList<>();
        byPathway.forEach((pathway, questions) -> {
            Urgency lowered = level.apply(screened(triageCase, questions));
            if (lowered.compareTo(first.urgency()) < 0) {
                questions.forEach(q -> kept.add(new ScreenQuestion(q.pathway(), q.subject(), q.code(), q.answer(), lowered)));
            }
        });
        return List.copyOf(kept);
    }

    /** The case with each screen question answered "no". */
    static TriageCase screened(TriageCase triageCase, List<ScreenQuestion> questions) {
        List<Symptom> symptoms = new ArrayList<>(triageCase.symptoms());
        List<RiskFactorAbsent> denied = new ArrayList<>(triageCase.absentRiskFactors());
        Patient patient = triageCase.patient();
        for (ScreenQuestion q : questions) {
            switch (q.subject()) {
                case ScreenQuestion.SYMPTOM -> {
                    symptoms.removeIf(s -> s.getCode().equals(q.code()));
                    symptoms.add(Symptom.builder(q.code()).status(SymptomStatus.ABSENT).build());
                }
                case ScreenQuestion.RISK_FACTOR -> denied.add(new RiskFactorAbsent(q.code()));
                case ScreenQuestion.PREGNANCY -> patient = patient.withPregnancy(Pregnancy.NOT_PREGNANT);
                default -> throw new IllegalArgumentException(q.subject());
            }
        }
        return new TriageCase(patient, symptoms, triageCase.riskFactors(), denied, triageCase.vitals(), triageCase.labs());
    }

    /** The case with the question answered by the value it names; null when the answer cannot be put into the case. */
    static TriageCase answered(TriageCase triageCase, FollowUp question) {
        List<Symptom> symptoms = new ArrayList<>(triageCase.symptoms().size());
        boolean applied = false;
        for (Symptom symptom : triageCase.symptoms()) {
            if (!applied && symptom.getCode().equals(question.symptom())) {
                Symptom answer = Answers.given(symptom, question.modifier(), question.value()).orElse(null);
                if (answer == null) {
                    return null;
                }
                symptoms.add(answer);
                applied = true;
            } else {
                symptoms.add(symptom);
            }
        }
        return applied ? triageCase.withSymptoms(symptoms) : null;
    }
}
