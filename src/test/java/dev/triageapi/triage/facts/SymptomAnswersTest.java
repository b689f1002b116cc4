package dev.triageapi.triage.facts;

import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.SymptomStatus;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every modifier travels the same way through the contract's record and the rules' fact, driven by its descriptor. */
class SymptomAnswersTest {

    /** One answer of each modifier, of the type its descriptor names. */
    static Map<Modifier, Object> oneOfEach() {
        Map<Modifier, Object> answers = new EnumMap<>(Modifier.class);
        for (Modifier m : Modifier.values()) {
            answers.put(m, switch (m.kind()) {
                case CHOICE -> m.choice(m.choices().get(m.choices().size() - 1)).orElseThrow();
                case CHOICES -> List.of(m.choice(m.choices().get(0)).orElseThrow());
                case DECIMAL -> 12.5;
                case BOOLEAN -> m.ordinal() % 2 == 0; // alternating, so two answers swapped would show
            });
        }
        return answers;
    }

    @Test
    void shouldCarryEveryModifierFromTheRequestIntoTheFactAndBack() {
        Map<Modifier, Object> answers = oneOfEach();
        SymptomReport report = SymptomReport.of("muscle_weakness", SymptomStatus.PRESENT, answers);
        SymptomBuilder builder = Symptom.builder("muscle_weakness");
        for (Modifier m : Modifier.values()) {
            assertEquals(answers.get(m), report.modifier(m), m.code());
            builder.set(m, report.modifier(m));
        }
        Symptom symptom = builder.build();
        for (Modifier m : Modifier.values()) {
            Object expected = m == Modifier.LOCATIONS ? Set.copyOf((List<?>) answers.get(m)) : answers.get(m);
            assertEquals(expected, symptom.get(m), m.code());
            assertEquals(expected, symptom.withStatus(SymptomStatus.UNKNOWN).get(m), "kept by withStatus: " + m.code());
        }
    }

    @Test
    void shouldLeaveAnUnsetOrEmptyAnswerUnknownAndRefuseOneOfAnotherType() {
        Symptom none = Symptom.builder("numbness").set(Modifier.ONSET, null).set(Modifier.LOCATIONS, List.of()).build();
        for (Modifier m : Modifier.values()) {
            assertNull(none.get(m), m.code());
        }
        assertThrows(IllegalArgumentException.class, () -> Symptom.builder("numbness").set(Modifier.ONSET, "sudden"));
        assertThrows(IllegalArgumentException.class, () -> Symptom.builder("numbness").set(Modifier.WORSENING, 1));
    }
}
