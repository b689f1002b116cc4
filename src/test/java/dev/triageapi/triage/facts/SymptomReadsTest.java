package dev.triageapi.triage.facts;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.testing.ModifierValues;
import dev.triageapi.testing.Seeds;
import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Trigger;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The discipline the interview's savings rest on: every public reading of a session's copy of a symptom whose result
 * depends on an answer notes that it read that answer. A predicate that reads an answer's field directly would let the
 * interview skip a question that changes the level; this finds it, whatever predicate is added next.
 */
@AlongsideQuarkusTests
class SymptomReadsTest {

    /** Not readings of a fact's answers: factories, copies, the read record itself, identity. */
    private static final List<String> NOT_READINGS = List.of("forSession", "modifiersRead", "readNotes", "with", "withStatus", "builder",
            "present", "toString", "equals", "hashCode", "getCode", "getStatus");

    @Test
    void everyReadingThatDependsOnAnAnswerNotesThatItReadIt() {
        List<Method> readings = Arrays.stream(Symptom.class.getMethods())
                .filter(m -> m.getDeclaringClass() == Symptom.class && !NOT_READINGS.contains(m.getName()))
                .toList();
        assertTrue(readings.size() > 30, "the predicates were not found: " + readings);
        Seeds.forAll(200, random -> {
            SymptomStatus status = SymptomStatus.values()[random.nextInt(SymptomStatus.values().length)];
            Map<Modifier, Object> answers = randomAnswers(random);
            for (Modifier modifier : Modifier.values()) {
                Symptom unset = symptom(status, answers, modifier, null);
                for (Object value : ModifierValues.of(modifier)) {
                    Symptom set = symptom(status, answers, modifier, value);
                    for (Method reading : readings) {
                        for (Object[] args : arguments(reading)) {
                            Symptom a = unset.forSession(Set.of());
                            Symptom b = set.forSession(Set.of());
                            if (!Objects.equals(call(reading, a, args), call(reading, b, args))) {
                                assertTrue(a.modifiersRead().contains(modifier) && b.modifiersRead().contains(modifier),
                                        () -> reading.getName() + Arrays.toString(args) + " depends on " + modifier.code()
                                                + " (" + value + ") without noting that it read it");
                            }
                        }
                    }
                }
            }
        });
    }

    /**
     * Finer: two answers a reading's notes do not tell apart ({@link ReadNotes#tellsApart}) give that reading the same
     * result, so a what-if with one of them stands for the other.
     */
    @Test
    void twoAnswersAReadingDoesNotTellApartGiveItTheSameResult() {
        List<Method> readings = Arrays.stream(Symptom.class.getMethods())
                .filter(m -> m.getDeclaringClass() == Symptom.class && !NOT_READINGS.contains(m.getName()))
                .toList();
        Seeds.forAll(200, random -> {
            SymptomStatus status = SymptomStatus.values()[random.nextInt(SymptomStatus.values().length)];
            Map<Modifier, Object> answers = randomAnswers(random);
            for (Modifier modifier : Modifier.values()) {
                List<Object> values = new ArrayList<>(ModifierValues.of(modifier));
                values.add(null); // unknown
                for (int pair = 0; pair < 3; pair++) {
                    Object first = values.get(random.nextInt(values.size()));
                    Object second = values.get(random.nextInt(values.size()));
                    for (Method reading : readings) {
                        for (Object[] args : arguments(reading)) {
                            Symptom a = symptom(status, answers, modifier, first).forSession(Set.of());
                            Symptom b = symptom(status, answers, modifier, second).forSession(Set.of());
                            Object result = call(reading, a, args);
                            ReadNotes asked = a.readNotes();
                            if (!asked.tellsApart(modifier, first, second)) {
                                assertEquals(result, call(reading, b, args), () -> reading.getName() + Arrays.toString(args)
                                        + " tells " + modifier.code() + " " + first + " from " + second + " without noting it");
                            }
                        }
                    }
                }
            }
        });
    }

    @Test
    void anUnknownAnswerIsToldApartOnlyFromTheAnswersTheRulesAskedAbout() {
        Symptom pain = Symptom.builder("headache").build().forSession(Set.of());
        pain.isSevere();
        assertFalse(pain.readNotes().tellsApart(Modifier.SEVERITY, null, Severity.MILD), "'is it severe?' takes an unknown for mild");
        assertTrue(pain.readNotes().tellsApart(Modifier.SEVERITY, null, Severity.SEVERE));
        pain.startedWithin(24);
        assertFalse(pain.readNotes().tellsApart(Modifier.HOURS_SINCE_ONSET, null, 48.0), "an unknown duration is within no bound");
        assertTrue(pain.readNotes().tellsApart(Modifier.HOURS_SINCE_ONSET, null, 12.0));
        pain.isSeverityUnknown();
        assertTrue(pain.readNotes().tellsApart(Modifier.SEVERITY, null, Severity.MILD), "whether it is known was asked");
    }

    @Test
    void twoPlacesAreToldApartOnlyByATestOfThePlacesTheRulesAsked() {
        Symptom numb = Symptom.builder("numbness").set(Modifier.LOCATIONS, List.of(BodyLocation.HAND)).build().forSession(Set.of());
        numb.isFaceInvolved();
        assertFalse(numb.readNotes().tellsApart(Modifier.LOCATIONS, List.of(BodyLocation.HAND), List.of(BodyLocation.FOOT)));
        assertTrue(numb.readNotes().tellsApart(Modifier.LOCATIONS, List.of(BodyLocation.HAND), List.of(BodyLocation.FACE)));
        assertFalse(numb.readNotes().tellsApart(Modifier.LOCATIONS, null, List.of(BodyLocation.FOOT)), "no place given is not the face");
        numb.isHandOrFootOnly();
        assertTrue(numb.readNotes().tellsApart(Modifier.LOCATIONS, List.of(BodyLocation.HAND), List.of(BodyLocation.HAND, BodyLocation.THIGH)));
        numb.getLocations();
        assertTrue(numb.readNotes().tellsApart(Modifier.LOCATIONS, List.of(BodyLocation.HAND), List.of(BodyLocation.FOOT)), "read whole");
    }

    private static Map<Modifier, Object> randomAnswers(Random random) {
        Map<Modifier, Object> answers = new EnumMap<>(Modifier.class);
        for (Modifier modifier : Modifier.values()) {
            List<Object> values = ModifierValues.of(modifier);
            if (random.nextBoolean()) {
                answers.put(modifier, values.get(random.nextInt(values.size())));
            }
        }
        return answers;
    }

    /** A symptom with these answers, but {@code changed} answered {@code value} (null: unknown). */
    private static Symptom symptom(SymptomStatus status, Map<Modifier, Object> answers, Modifier changed, Object value) {
        SymptomBuilder b = Symptom.builder("muscle_weakness").status(status);
        answers.forEach(b::set);
        return b.set(changed, value).build();
    }

    /** The arguments each reading is called with: none, or each value of its one parameter the rules use. */
    private static List<Object[]> arguments(Method reading) {
        Class<?>[] types = reading.getParameterTypes();
        if (types.length == 0) {
            return List.<Object[]>of(new Object[0]);
        }
        List<Object[]> out = new ArrayList<>();
        if (types.length == 1 && types[0] == double.class) {
            ModifierValues.HOURS.forEach(h -> out.add(new Object[] {h}));
        } else if (types.length == 1 && types[0] == String.class) {
            Arrays.stream(Trigger.values()).forEach(t -> out.add(new Object[] {t.code()}));
            out.add(new Object[] {"focal_deficits"});
        } else if (types.length == 1 && types[0] == Modifier.class) {
            Arrays.stream(Modifier.values()).forEach(m -> out.add(new Object[] {m}));
        } else if (types.length == 1 && types[0] == Symptom.class) {
            for (List<BodyLocation> places : List.of(List.<BodyLocation>of(), List.of(BodyLocation.THIGH), List.of(BodyLocation.HAND),
                    List.of(BodyLocation.ARM, BodyLocation.LEG))) {
                out.add(new Object[] {Symptom.builder("muscle_pain").set(Modifier.LOCATIONS, places.isEmpty() ? null : places)
                        .build().forSession(Set.of())});
            }
        } else {
            throw new AssertionError("a reading this test cannot call: " + reading);
        }
        return out;
    }

    private static Object call(Method reading, Symptom symptom, Object[] args) {
        try {
            return reading.invoke(symptom, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(reading + " failed", e);
        }
    }
}
