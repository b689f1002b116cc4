package dev.triageapi.triage.interview;

import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Modifier;

import java.util.Optional;

/**
 * One thing the interview can ask: whether a symptom is there, a modifier of a reported symptom, a risk factor,
 * pregnancy, current treatment or age. Its {@link #id()} is what a client posts back with the answer.
 */
public record Question(String id, Subject subject, String symptom, Modifier modifier, String riskFactor) {

    /** What a question asks about. */
    public enum Subject {
        SYMPTOM, MODIFIER, RISK_FACTOR, PREGNANCY, UNDER_TREATMENT, AGE;

        /**
         * True when "yes" reports something present (a symptom, a risk factor, a pregnancy): that never lowers the
         * level, a property the rules are tested for.
         */
        public boolean reportsPresence() {
            return this == SYMPTOM || this == RISK_FACTOR || this == PREGNANCY;
        }
    }

    static final String PREGNANCY_ID = "pregnancy";
    static final String UNDER_TREATMENT_ID = "underTreatment";
    static final String AGE_ID = "age";

    /** The answer this modifier question has in the case: null when it is unknown, or for any other question. */
    Object answerIn(TriageCase c) {
        int i = subject == Subject.MODIFIER ? Answering.indexOf(c, symptom) : -1;
        return i < 0 ? null : c.symptoms().get(i).get(modifier);
    }

    /** Does the patient have this symptom? */
    public static Question symptom(String code) {
        return new Question("symptom:" + code, Subject.SYMPTOM, code, null, null);
    }

    /** A modifier of a reported symptom, such as how it began. */
    public static Question modifier(String symptom, Modifier modifier) {
        return new Question("modifier:" + symptom + "." + modifier.code(), Subject.MODIFIER, symptom, modifier, null);
    }

    /** Does the patient have this risk factor? */
    public static Question riskFactor(String code) {
        return new Question("riskFactor:" + code, Subject.RISK_FACTOR, null, null, code);
    }

    /** Is the patient pregnant, or did she give birth in the last six weeks? (Self-care screens ask it too.) */
    public static Question pregnancy() {
        return new Question(PREGNANCY_ID, Subject.PREGNANCY, null, null, null);
    }

    static Question underTreatment() {
        return new Question(UNDER_TREATMENT_ID, Subject.UNDER_TREATMENT, null, null, null);
    }

    static Question age() {
        return new Question(AGE_ID, Subject.AGE, null, null, null);
    }

    /** The question an id names, whatever the catalog holds (the codes are checked where it is answered); empty if none. */
    public static Optional<Question> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        switch (id) {
            case PREGNANCY_ID: return Optional.of(pregnancy());
            case UNDER_TREATMENT_ID: return Optional.of(underTreatment());
            case AGE_ID: return Optional.of(age());
            default: break;
        }
        int colon = id.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String code = id.substring(colon + 1);
        return switch (id.substring(0, colon)) {
            case "symptom" -> Optional.of(symptom(code));
            case "riskFactor" -> Optional.of(riskFactor(code));
            case "modifier" -> {
                int dot = code.lastIndexOf('.');
                yield dot < 0 ? Optional.empty()
                        : Modifier.byCode(code.substring(dot + 1)).map(m -> modifier(code.substring(0, dot), m));
            }
            default -> Optional.empty();
        };
    }
}
