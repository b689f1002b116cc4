package dev.triageapi.triage.engine;

import dev.triageapi.vocabulary.Urgency;

/**
 * The level the rules give a case in a what-if evaluation, how many findings hold it there, and the answers they read
 * to give it. Fewer findings at the same level is progress towards a lower one: two red flags that each keep a level
 * up fall one answer at a time.
 */
public record Probe(Urgency urgency, int holding, AnswersRead read) {

    /** A level from an evaluation that did not record what it read: every answer is taken to matter. */
    public static Probe of(Urgency urgency) {
        return new Probe(urgency, 1, AnswersRead.EVERY);
    }

    /**
     * What a probe that sought only a higher level says when the case does not rise above {@code current}: the level
     * shown is {@code current} (the case's own may be lower), held by no finding.
     */
    public static Probe notAbove(Urgency current, AnswersRead read) {
        return new Probe(current, 0, read);
    }

    /** True when this is nearer a lower level than {@code other}: a lower level, or the same held by fewer findings. */
    public boolean lowerThan(Probe other) {
        int byLevel = urgency.compareTo(other.urgency);
        return byLevel < 0 || byLevel == 0 && holding < other.holding;
    }
}
