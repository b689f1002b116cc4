package dev.triageapi.triage.engine;

import dev.triageapi.vocabulary.Modifier;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The answers of each symptom the rules read in one evaluation. An evaluation is a deterministic function of what it
 * reads, so giving or changing an answer it did not read cannot change its outcome: a question about such an answer
 * needs no evaluation of its own. Only the modifiers of symptoms already in the case are covered; a new symptom or a
 * changed status is always a new evaluation.
 */
public final class AnswersRead {

    /** What an evaluation that did not record its reads has to be taken to have read: everything. */
    public static final AnswersRead EVERY = new AnswersRead(null);

    private final Map<String, Set<Modifier>> bySymptom;

    private AnswersRead(Map<String, Set<Modifier>> bySymptom) {
        this.bySymptom = bySymptom;
    }

    /** The modifiers read, by symptom code. */
    static AnswersRead of(Map<String, Set<Modifier>> bySymptom) {
        return new AnswersRead(Map.copyOf(bySymptom));
    }

    /** True when the rules read this answer of this symptom (always, for {@link #EVERY}). */
    public boolean read(String symptom, Modifier modifier) {
        if (bySymptom == null) {
            return true;
        }
        Set<Modifier> read = bySymptom.get(symptom);
        return read != null && read.contains(modifier);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswersRead other && Objects.equals(bySymptom, other.bySymptom);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(bySymptom);
    }

    @Override
    public String toString() {
        return bySymptom == null ? "AnswersRead[every]" : "AnswersRead" + bySymptom;
    }
}
