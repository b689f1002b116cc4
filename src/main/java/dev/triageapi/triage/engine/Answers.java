package dev.triageapi.triage.engine;

import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.SymptomStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers as the rules name them, {@code modifier=value} or {@code status=value}: read the same way by the checks that
 * run when rules load and by the what-if evaluations that put an answer into a case.
 */
public final class Answers {

    /** A number of hours as a rule writes it: digits, with a decimal part or not. */
    private static final Pattern HOURS = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private Answers() {
    }

    /** True when the text is a modifier (or {@code status}) and a value it takes. */
    public static boolean isAnswer(String answer) {
        String[] parts = answer.split("=", 2);
        if (parts.length != 2) {
            return false;
        }
        if (parts[0].equals("status")) {
            return status(parts[1]).isPresent();
        }
        return Modifier.byCode(parts[0]).flatMap(modifier -> value(modifier, parts[1])).isPresent();
    }

    /** The value as a symptom fact holds it (a choice, a list of one choice, hours, a boolean); empty when it is none. */
    static Optional<Object> value(Modifier modifier, String value) {
        return Optional.ofNullable(switch (modifier.kind()) {
            case CHOICE -> modifier.choice(value).orElse(null);
            case CHOICES -> modifier.choice(value).map(List::of).orElse(null);
            case DECIMAL -> HOURS.matcher(value).matches() ? Double.valueOf(value) : null;
            case BOOLEAN -> "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
        });
    }

    /** The symptom with the answer given; empty when the answer cannot be put into it. */
    static Optional<Symptom> given(Symptom symptom, String modifierCode, String value) {
        if ("status".equals(modifierCode)) {
            return status(value).map(symptom::withStatus);
        }
        return Modifier.byCode(modifierCode).flatMap(modifier -> value(modifier, value).map(answer -> symptom.with(modifier, answer)));
    }

    private static Optional<SymptomStatus> status(String value) {
        return Arrays.stream(SymptomStatus.values()).filter(s -> s.code().equals(value)).findFirst();
    }
}
