package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Urgency;

import java.util.ArrayList;
import java.util.List;

/** A prober that keeps every case it is asked about, for tests of what an interview evaluates. One per thread. */
final class RecordingProber implements Prober {

    private final Prober next;
    private final List<TriageCase> asked = new ArrayList<>();

    RecordingProber(Prober next) {
        this.next = next;
    }

    /** The cases asked about, in order. */
    List<TriageCase> asked() {
        return asked;
    }

    @Override
    public Probe level(TriageCase c, Urgency expected) {
        asked.add(c);
        return next.level(c, expected);
    }

    @Override
    public Probe above(TriageCase c, Urgency current) {
        asked.add(c);
        return next.above(c, current);
    }

    @Override
    public int evaluations() {
        return next.evaluations();
    }
}
