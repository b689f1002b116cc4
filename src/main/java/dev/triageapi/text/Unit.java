package dev.triageapi.text;

import dev.triageapi.text.PhraseIndex.Match;
import dev.triageapi.text.PhraseIndex.Role;

/** A stretch of the text the parser reads as one: a phrase of the lexicon, or one word it does not know. */
final class Unit {
    final int from;
    final int to;
    Match match;
    /** Where the mention of a two-part symptom begins: at its first part. */
    int mentionStart;
    /** Words read as an amount of time or an age, whose cue meanings ("years ago") no longer count. */
    boolean quantity;
    /** Whether the match names a symptom, a risk factor, a pregnancy or the like (set with the match). */
    boolean concept;
    final int start;
    final int end;
    boolean commaBefore;
    int sentence;
    int clause;
    int scope;
    boolean covered;
    /** A complaint whose own phrase begins with a "no" ("can't move", "no siento las piernas", "sin fuerza"). */
    boolean ownNo;

    Unit(int from, int to, Match match, int start, int end) {
        this.from = from;
        this.to = to;
        this.match = match;
        this.concept = match != null && match.concept();
        this.start = start;
        this.end = end;
        this.mentionStart = start;
        this.covered = match != null;
    }

    boolean has(Role role) {
        return match != null && match.has(role);
    }

    /** A cue of this role, unless its words were read as an amount of time. */
    boolean cue(Role role) {
        return !quantity && has(role);
    }

    boolean concept() {
        return concept;
    }

    /** A word outside the lexicon, which counts against a cue's reach. */
    boolean unknownWord() {
        return match == null;
    }

    /** Whether the phrase names this symptom. */
    boolean hasSymptom(String code) {
        return match != null && match.entries().stream().anyMatch(e -> e.role() == Role.SYMPTOM && e.code().equals(code));
    }

    /** The code of the symptom the phrase names. */
    String symptomCode() {
        return match.first(Role.SYMPTOM).code();
    }
}
