package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Urgency;

/**
 * A prober that makes at most a number of evaluations and then throws {@link Spent}: a request with many symptoms
 * opens many questions, and a client must not be able to buy unbounded CPU with one POST.
 */
final class Budgeted implements Prober {

    private final Prober probe;
    private final int max;
    private int spent;

    Budgeted(Prober probe, int max) {
        this.probe = probe;
        this.max = max;
    }

    /** The evaluations made, never more than the budget. */
    int spent() {
        return Math.min(spent, max);
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
        if (++spent > max) {
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
