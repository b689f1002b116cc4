package dev.triageapi.text;

import dev.triageapi.text.PhraseIndex.Entry;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.vocabulary.Modifier;

import java.util.List;
import java.util.Map;

/** Builds the phrase index of one language's lexicon: every phrase with the role it plays and the code it names. */
final class LexiconIndex {

    static PhraseIndex build(Lexicon lexicon, Tokens tokens, DurationHours durations) {
        PhraseIndex index = new PhraseIndex(tokens);
        lexicon.variants().forEach(index::variants);
        lexicon.symptoms().forEach(s -> s.phrases().forEach(p -> index.add(p, new Entry(Role.SYMPTOM, s.code(), null, 0, s.with()))));
        lexicon.normal().forEach(s -> s.phrases().forEach(p -> index.add(p, new Entry(Role.NORMAL, s.code(), null))));
        for (Lexicon.CodePairs pair : lexicon.symptomPairs()) {
            pair.first().forEach(p -> index.add(p, new Entry(Role.PAIR_FIRST, pair.code(), null, 0, pair.with())));
            pair.second().forEach(p -> index.add(p, new Entry(Role.PAIR_SECOND, pair.code(), null, 0, pair.with())));
        }
        lexicon.underTreatment().get("true").forEach(p -> index.add(p, new Entry(Role.UNDER_TREATMENT, "underTreatment", null)));
        lexicon.riskFactors().forEach(r -> r.phrases().forEach(p -> index.add(p, new Entry(Role.RISK_FACTOR, r.code(), null))));
        lexicon.pregnancy().forEach((value, phrases) -> phrases.forEach(p -> index.add(p, new Entry(Role.PREGNANCY, value, null))));
        lexicon.sex().words().forEach((value, words) -> words.forEach(w -> index.add(w, new Entry(Role.SEX, value, null))));
        lexicon.sex().form().forEach((value, words) -> words.forEach(w -> index.add(w, new Entry(Role.SEX_FORM, value, null))));
        add(index, lexicon.sex().self(), Role.SELF);
        lexicon.sex().third().forEach((value, words) -> words.forEach(w -> index.add(w, new Entry(Role.SEX_THIRD, value, null))));
        add(index, lexicon.cues().otherPerson().firstPerson(), Role.FIRST_PERSON);
        lexicon.modifiers().forEach((modifier, values) -> values.forEach((value, phrases) ->
                phrases.forEach(p -> index.add(p, new Entry(Role.MODIFIER, modifier, value)))));
        lexicon.passingCauses().forEach((value, phrases) ->
                phrases.forEach(p -> index.add(p, new Entry(Role.PASSING_CAUSE, Modifier.TRIGGER.code(), value))));
        Lexicon.Time time = lexicon.time();
        time.numbers().forEach((word, n) -> index.add(word, new Entry(Role.NUMBER, null, null, n, Map.of())));
        add(index, time.half(), Role.HALF);
        time.units().forEach((code, unit) -> unit.words().forEach(w ->
                index.add(w, new Entry(Role.UNIT, code, null, unit.hours(), Map.of()))));
        add(index, time.ago(), Role.AGO);
        add(index, time.since(), Role.SINCE);
        time.durations().forEach((code, phrases) -> phrases.forEach(p ->
                index.add(p, new Entry(Role.DURATION, code, null, durations.hours(code).orElseThrow(), Map.of()))));
        add(index, lexicon.age().before(), Role.AGE_BEFORE);
        add(index, lexicon.age().after(), Role.AGE_AFTER);
        add(index, lexicon.age().beforeAnyUnit(), Role.AGE_BEFORE_ANY_UNIT);
        Lexicon.Cues cues = lexicon.cues();
        add(index, cues.negation().before(), Role.NEGATION_BEFORE);
        add(index, cues.negation().after(), Role.NEGATION_AFTER);
        add(index, cues.negationCancel(), Role.NEGATION_CANCEL);
        add(index, cues.listOr(), Role.LIST_OR);
        add(index, cues.listAnd(), Role.LIST_AND);
        add(index, cues.pseudo(), Role.PSEUDO);
        add(index, cues.uncertainty().before(), Role.UNCERTAINTY_BEFORE);
        add(index, cues.uncertainty().after(), Role.UNCERTAINTY_AFTER);
        add(index, cues.otherPerson().relatives(), Role.RELATIVE);
        add(index, cues.otherPerson().verbs(), Role.FAMILY_VERB);
        add(index, cues.otherPerson().before(), Role.OTHER_BEFORE);
        add(index, cues.otherPerson().after(), Role.OTHER_AFTER);
        add(index, cues.historical().before(), Role.HISTORICAL_BEFORE);
        add(index, cues.historical().after(), Role.HISTORICAL_AFTER);
        add(index, cues.termination(), Role.TERMINATION);
        add(index, cues.clauseStart(), Role.CLAUSE_START);
        add(index, cues.all(), Role.ALL);
        add(index, cues.filler(), Role.FILLER);
        add(index, cues.wellAfter(), Role.WELL_AFTER);
        add(index, cues.backReference().phrases(), Role.BACK_REFERENCE);
        // "because of that" ends a cue's scope as "because" did; "that's why" or "after that" ends none, as before.
        add(index, cues.backReference().phrases().stream().filter(p -> cues.termination().stream()
                .anyMatch(t -> (" " + p + " ").contains(" " + t + " "))).toList(), Role.TERMINATION);
        index.ownNegation(cues.ownNegation());
        return index;
    }

    /** Adds phrases that carry only their role (cues, fillers, time and age words). */
    private static void add(PhraseIndex index, List<String> phrases, Role role) {
        Entry entry = new Entry(role, null, null);
        phrases.forEach(p -> index.add(p, entry));
    }

    private LexiconIndex() {
    }
}
