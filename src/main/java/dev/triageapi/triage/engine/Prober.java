package dev.triageapi.triage.engine;

import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Urgency;

import java.util.function.Function;

/**
 * The what-if evaluations an interview makes, in the two forms it needs: the exact level of a case, and whether a case
 * rises above a level. Saying which lets the engine run only the rules that can decide the answer
 * ({@link TriageEngine#prober}).
 */
public interface Prober {

    /**
     * The exact level of the case, how many findings hold it and what the rules read to give it; {@code expected} is
     * the level the case most likely has (it spares work when right and costs a little when wrong, never the answer).
     */
    Probe level(TriageCase c, Urgency expected);

    /**
     * The exact level of the case when it is above {@code current}; otherwise a probe at {@code current} that says only
     * that it is not above, with what the rules that could have raised it read ({@link Probe#notAbove}).
     */
    Probe above(TriageCase c, Urgency current);

    /** The evaluations of the rules this prober has made: a probe makes one, or two when the first was not enough. */
    int evaluations();

    /** A prober that evaluates every case exactly with one function, an evaluation a probe. */
    static Prober exact(Function<TriageCase, Probe> probe) {
        return new Prober() {
            private int made;

            @Override
            public Probe level(TriageCase c, Urgency expected) {
                made++;
                return probe.apply(c);
            }

            @Override
            public Probe above(TriageCase c, Urgency current) {
                made++;
                Probe p = probe.apply(c);
                return p.urgency().compareTo(current) > 0 ? p : Probe.notAbove(current, p.read());
            }

            @Override
            public int evaluations() {
                return made;
            }
        };
    }
}
