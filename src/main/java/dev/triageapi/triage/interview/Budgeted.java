package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Urgency;

/**
 * A prober that stops with {@link Spent} once it has made a number of evaluations: a request with many symptoms opens
 * many questions, and a client must not be able to buy unbounded CPU with one POST. A probe is made only while fewer
 * than that many were, and makes one or two, so at most one more than the budget is made.
 */
final class Budgeted implements Prober {

    private final Prober probe;
    private final int max;
    private final int before;

    Budgeted(Prober probe, int max) {
        this.probe = probe;
        this.max = max;
        this.before = probe.evaluations();
    }

    @Override
    public int evaluations() {
        return probe.evaluations() - before;
    }

    @Override
    public Probe level(TriageCase c, Urgency expected) {
        spend();
        return probe.level(c, expected);
    }

    @Override
    public Probe above(TriageCase c, Urgency current) {
        spend();
        return probe.above(c, current);
    }

    private void spend() {
        if (evaluations() >= max) {
            throw new Spent();
        }
    }

    /** Thrown when the budget's evaluations are all made. */
    static final class Spent extends RuntimeException {
        Spent() {
            super(null, null, false, false);
        }
    }
}
