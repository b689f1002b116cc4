package dev.triageapi.triage.engine;

import dev.triageapi.vocabulary.Urgency;

/** The level the rules give a case in a what-if evaluation, and the answers they read to give it. */
public record Probe(Urgency urgency, AnswersRead read) {

    /** A level from an evaluation that did not record what it read: every answer is taken to matter. */
    public static Probe of(Urgency urgency) {
        return new Probe(urgency, AnswersRead.EVERY);
    }
}
