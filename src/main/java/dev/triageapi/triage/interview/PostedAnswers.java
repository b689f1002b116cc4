package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.SymptomStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The answers a client posts back, put into the case in order; those that cannot be taken are refused with a reason. */
public final class PostedAnswers {

    private final Catalog catalog;
    private final Answering answering;

    PostedAnswers(Catalog catalog, Answering answering) {
        this.catalog = catalog;
        this.answering = answering;
    }

    /** A posted answer that could not be taken: which one, whether its question or its answer is at fault, and why. */
    public record Refusal(int index, boolean question, String key, List<Object> arguments) {
    }

    /** A case with the posted answers in it, the questions answered "I don't know", and the answers refused. */
    public record Answered(TriageCase triageCase, Set<String> dontKnow, List<Refusal> refusals) {
    }

    /** Puts posted answers ({@code question id, answer} pairs, in order) into a case. */
    public Answered apply(TriageCase c, List<Map.Entry<String, String>> answers) {
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
                refusals.add(new Refusal(i, true, "field.no-such-question", List.of()));
                continue;
            }
            if (q.get().subject() == Question.Subject.MODIFIER && !reported(answered, q.get().symptom())) {
                refusals.add(new Refusal(i, true, "field.question-symptom-not-reported", List.of()));
                continue;
            }
            Answering.Outcome out = answering.answer(answered, q.get(), answers.get(i).getValue());
            if (out.refusal() != null) {
                refusals.add(new Refusal(i, false, out.refusal(), out.arguments()));
                continue;
            }
            answered = out.triageCase();
            if (Answering.UNKNOWN.equals(answers.get(i).getValue())) {
                dontKnow.add(q.get().id());
            }
        }
        return new Answered(answered, Set.copyOf(dontKnow), List.copyOf(refusals));
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

}
