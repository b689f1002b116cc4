package dev.triageapi.triage.engine;

import dev.triageapi.triage.facts.ReadNotes;
import dev.triageapi.vocabulary.Modifier;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answers of each symptom the rules read in one evaluation. An evaluation is a deterministic function of what it
 * reads, so giving or changing an answer it did not read cannot change its outcome: a question about such an answer
 * needs no evaluation of its own. Only the modifiers of symptoms already in the case are covered; a new symptom or a
 * changed status is always a new evaluation.
 */
public final class AnswersRead {

    /** What an evaluation that did not record its reads has to be taken to have read: everything. */
    public static final AnswersRead EVERY = new AnswersRead(null);

    private final Map<String, ReadNotes> bySymptom;

    private AnswersRead(Map<String, ReadNotes> bySymptom) {
        this.bySymptom = bySymptom;
    }

    /** What the rules asked of the answers they read, by symptom code; the notes are not written again. */
    static AnswersRead of(Map<String, ReadNotes> bySymptom) {
        return new AnswersRead(Map.copyOf(bySymptom));
    }

    /** What was read of this symptom only: every other symptom's answers count as read. */
    AnswersRead onlyOf(String symptom) {
        if (bySymptom == null) {
            return this;
        }
        ReadNotes read = bySymptom.get(symptom);
        return new AnswersRead(read == null ? Map.of() : Map.of(symptom, read));
    }

    /**
     * True when the rules read this answer of this symptom, or when it cannot be told: always for {@link #EVERY}, and
     * for a symptom the evaluation did not hold (an answer about it must be evaluated).
     */
    public boolean read(String symptom, Modifier modifier) {
        if (bySymptom == null) {
            return true;
        }
        ReadNotes read = bySymptom.get(symptom);
        return read == null || read.read(modifier);
    }

    /**
     * The codes of a one-choice answer of this symptom the rules asked about by value (see
     * {@link ReadNotes#askedChoices}); every code when it cannot be told.
     */
    public List<String> askedChoices(String symptom, Modifier modifier) {
        ReadNotes read = bySymptom == null ? null : bySymptom.get(symptom);
        return read != null ? read.askedChoices(modifier) : modifier.kind() == Modifier.Kind.CHOICE ? modifier.choices() : List.of();
    }

    /**
     * True when the evaluation could have reached another outcome had this answer of this symptom been {@code b}
     * instead of {@code a}, everything else alike: it read the answer and asked something of it the two answer
     * differently ({@link ReadNotes#tellsApart}). When false, the evaluation with {@code b} gives exactly the same
     * outcome.
     */
    public boolean tellsApart(String symptom, Modifier modifier, Object a, Object b) {
        ReadNotes read = bySymptom == null ? null : bySymptom.get(symptom);
        return read == null ? !Objects.equals(a, b) : read.tellsApart(modifier, a, b);
    }

    /**
     * Any two are equal: what an evaluation read on the way is not part of the answer it reached. The executable model
     * and the same rules compiled at run time test constraints in different orders and read different answers for the
     * same assessment; both are sound, and comparing assessments must not tell them apart.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AnswersRead;
    }

    @Override
    public int hashCode() {
        return AnswersRead.class.hashCode();
    }

    @Override
    public String toString() {
        return bySymptom == null ? "AnswersRead[every]" : "AnswersRead" + bySymptom;
    }
}
