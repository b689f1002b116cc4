package dev.triageapi.triage.facts;

import dev.triageapi.vocabulary.Urgency;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The vocabulary rule consequences use to state their conclusions, imported into every DRL file with
 * {@code import function}. Evidence arguments may be symptoms, risk factors, codes or collections of them.
 */
public final class Conclusions {

    private Conclusions() {
    }

    public static RedFlag redFlag(String code, Object... evidence) {
        return new RedFlag(code, evidence(evidence));
    }

    /** A level below the emergencies, with the code of its reason in {@code catalog/reasons.json}. */
    public static UrgencyFinding atLeast(Urgency level, String reasonCode, Object... evidence) {
        return new UrgencyFinding(level, reasonCode, evidence(evidence));
    }

    public static CauseFinding suggests(String condition, Object... evidence) {
        return new CauseFinding(condition, evidence(evidence));
    }

    /** The case is the picture of a self-care pathway of {@code catalog/self-care.json}; its screen decides. */
    public static SelfCareCandidate selfCare(String pathway, Object... evidence) {
        return new SelfCareCandidate(pathway, evidence(evidence));
    }

    /** A follow-up question; {@code question} null takes the catalog's words for it (see Catalog#followUpQuestion). */
    public static FollowUp ask(Symptom symptom, String modifier, String value, Urgency couldRaiseTo, String question) {
        return new FollowUp(symptom.getCode(), modifier, value, couldRaiseTo, question);
    }

    /** Codes of the given facts, sorted and without repeats, so that evidence never depends on firing order. */
    public static List<String> evidence(Object... items) {
        return evidence(Arrays.asList(items));
    }

    public static List<String> evidence(Collection<?> items) {
        TreeSet<String> codes = new TreeSet<>();
        collect(items, codes);
        return List.copyOf(codes);
    }

    private static void collect(Object item, Collection<String> codes) {
        if (item instanceof Symptom s) {
            codes.add(s.getCode());
        } else if (item instanceof RiskFactor r) {
            codes.add(r.code());
        } else if (item instanceof VitalSigns) {
            codes.add("vitals");
        } else if (item instanceof LabResults) {
            codes.add("labs");
        } else if (item instanceof News2 score) {
            codes.addAll(score.getScoring().isEmpty() ? List.of("vitals") : score.getScoring());
        } else if (item instanceof String code) {
            codes.add(code);
        } else if (item instanceof Collection<?> many) {
            many.forEach(each -> collect(each, codes));
        } else if (item != null) {
            throw new IllegalArgumentException("not evidence: " + item.getClass().getSimpleName());
        }
    }
}
