package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.AnswersRead;
import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Urgency;

import java.util.List;

/**
 * What-ifs the assessment already answers. A case that differs from the assessed one only in answers of its symptoms
 * that the assessment's rules asked alike ({@link AnswersRead#tellsApart}) is evaluated exactly as the assessed case
 * is: it does not rise above the assessed level, and its exact probe is the assessment's. Every other case goes to
 * the prober it wraps.
 */
final class AskedAlike implements Prober {

    private final TriageCase assessed;
    private final Probe base;
    private final Prober next;

    AskedAlike(TriageCase assessed, Probe base, Prober next) {
        this.assessed = assessed;
        this.base = base;
        this.next = next;
    }

    @Override
    public Probe level(TriageCase c, Urgency expected) {
        return alike(c) ? base : next.level(c, expected);
    }

    @Override
    public Probe above(TriageCase c, Urgency current) {
        return current.compareTo(base.urgency()) >= 0 && alike(c) ? Probe.notAbove(current, base.read()) : next.above(c, current);
    }

    @Override
    public int evaluations() {
        return next.evaluations();
    }

    /** True when {@code c} is the assessed case but for answers its rules asked alike. */
    private boolean alike(TriageCase c) {
        if (c.patient() != assessed.patient() || !c.riskFactors().equals(assessed.riskFactors())
                || !c.absentRiskFactors().equals(assessed.absentRiskFactors()) || c.vitals() != assessed.vitals()
                || c.labs() != assessed.labs()) {
            return false;
        }
        List<Symptom> ours = assessed.symptoms();
        List<Symptom> theirs = c.symptoms();
        if (ours.size() != theirs.size()) {
            return false;
        }
        for (int i = 0; i < ours.size(); i++) {
            Symptom a = ours.get(i);
            Symptom b = theirs.get(i);
            if (a == b) {
                continue;
            }
            if (!a.getCode().equals(b.getCode()) || a.getStatus() != b.getStatus()) {
                return false;
            }
            for (Modifier m : Modifier.values()) {
                if (base.read().tellsApart(a.getCode(), m, a.get(m), b.get(m))) {
                    return false;
                }
            }
        }
        return true;
    }
}
