package dev.triageapi.text;

import dev.triageapi.text.ParsedText.Mention;
import dev.triageapi.text.ParsedText.MentionKind;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.text.Tokens.Token;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts of time and ages: "for 2 days", "3 hours ago", "hace tres horas", "an hour and a half", "since this
 * morning", "67 years old", "tengo 67 años", "24F". A time becomes a time since onset; a number that is neither stays
 * unread.
 */
final class QuantityReader {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,7}(?:[.,]\\d{1,3})?");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d{1,4}(?:[.,]\\d{1,3})?)([a-z/]{1,5})");
    private static final double YEAR_HOURS = 8760;
    /** The longest time since onset a symptom report takes (120 years, its {@code @DecimalMax}). */
    private static final double MAX_HOURS = 1_051_200;

    /** Hours per unit word ("days", "h", "semanas"). */
    private final Map<String, Double> unitHours = new HashMap<>();
    /** Words written after an age ("years", "yo", "años"). */
    private final Set<String> ageSuffixes = new HashSet<>();
    /** Letters written after an age that give the sex ("F", "M"). */
    private final Map<String, Sex> sexLetters = new HashMap<>();

    QuantityReader(Lexicon lexicon, Tokens tokens) {
        lexicon.time().units().forEach((code, unit) -> unit.words().forEach(w -> {
            tokens.terms(w).forEach(t -> unitHours.putIfAbsent(t, unit.hours()));
            if (unit.hours() == YEAR_HOURS) {
                ageSuffixes.addAll(tokens.terms(w));
            }
        }));
        lexicon.age().after().stream().filter(w -> w.indexOf(' ') < 0).forEach(w -> ageSuffixes.addAll(tokens.terms(w)));
        lexicon.age().sexLetters().forEach((value, letters) ->
                letters.forEach(l -> sexLetters.put(l, Sex.valueOf(value.toUpperCase(Locale.ROOT)))));
    }

    /**
     * Amounts of time and ages: "for 2 days", "3 hours ago", "hace tres horas", "an hour and a half", "since this
     * morning", "67 years old", "I'm 67", "tengo 67 años", "67yo". Returns the patient's age, the first one given.
     */
    Demographics read(String text, List<Token> words, List<Unit> units, List<Found> found, List<Mention> mentions) {
        Integer age = null;
        Sex sex = null;
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            if (u.has(Role.DURATION)) {
                found.add(new Found(k, u.start, u.end, Modifier.HOURS_SINCE_ONSET, u.match.first(Role.DURATION).number(),
                        text.substring(u.start, u.end)));
                continue;
            }
            Double amount = null;
            Double attachedUnit = null;
            boolean attachedAge = false;
            Sex attachedSex = null;
            if (u.has(Role.NUMBER)) {
                amount = u.match.first(Role.NUMBER).number();
            } else if (u.unknownWord() || u.to == u.from + 1 && NUMBER.matcher(words.get(u.from).term()).matches()) {
                // A number is a number, even where a lexicon also lists it as a word.
                String term = words.get(u.from).term();
                Matcher plain = NUMBER.matcher(term);
                Matcher withUnit = NUMBER_WITH_UNIT.matcher(term);
                if (plain.matches()) {
                    amount = Double.parseDouble(term.replace(',', '.'));
                } else if (withUnit.matches()) {
                    amount = Double.parseDouble(withUnit.group(1).replace(',', '.'));
                    String suffix = withUnit.group(2);
                    attachedUnit = unitHours.get(suffix);
                    attachedSex = sexLetters.get(suffix);
                    attachedAge = attachedSex != null || ageSuffixes.contains(suffix) && (attachedUnit == null || attachedUnit == YEAR_HOURS);
                    if (attachedUnit == null && !attachedAge) {
                        amount = null;
                    }
                }
            }
            if (amount == null) {
                continue;
            }
            int last = k;
            Double hoursPerUnit = attachedUnit;
            if (hoursPerUnit == null && !attachedAge && k + 2 < units.size() && units.get(k + 1).has(Role.HALF)
                    && units.get(k + 2).has(Role.UNIT)) {
                amount += 0.5; // "three and a half months"
                hoursPerUnit = units.get(k + 2).match.first(Role.UNIT).number();
                last = k + 2;
            } else if (hoursPerUnit == null && !attachedAge && k + 1 < units.size() && units.get(k + 1).has(Role.UNIT)) {
                hoursPerUnit = units.get(k + 1).match.first(Role.UNIT).number();
                last = k + 1;
            }
            if (last + 1 < units.size() && units.get(last + 1).has(Role.PREGNANCY)) {
                markCovered(units, k, last); // "30 weeks pregnant": how far the pregnancy is, not when a symptom began
                k = last;
                continue;
            }
            if (last + 1 < units.size() && units.get(last + 1).has(Role.HALF) && hoursPerUnit != null) {
                amount += 0.5;
                last++;
            }
            boolean anyUnit = k > 0 && units.get(k - 1).has(Role.AGE_BEFORE_ANY_UNIT) && units.get(k - 1).sentence == u.sentence;
            boolean before = anyUnit || k > 0 && units.get(k - 1).has(Role.AGE_BEFORE) && units.get(k - 1).sentence == u.sentence;
            boolean after = last + 1 < units.size() && units.get(last + 1).has(Role.AGE_AFTER);
            boolean ago = last + 1 < units.size() && units.get(last + 1).has(Role.AGO)
                    || k > 0 && (units.get(k - 1).has(Role.AGO) || units.get(k - 1).has(Role.SINCE));
            boolean whole = amount == Math.rint(amount);
            boolean isAge = attachedAge
                    || after
                    || (before && !ago && (hoursPerUnit == null ? whole && endsAnAge(units, last)
                            : anyUnit && hoursPerUnit >= 24 || hoursPerUnit == YEAR_HOURS))
                    || (hoursPerUnit == null && whole && !ago && u.unknownWord() && nextToPerson(units, k))
                    // "Soy hombre, 65 años", "mi compañera de piso (22 años)": years with no "for", "since" or "ago"
                    || (hoursPerUnit != null && hoursPerUnit == YEAR_HOURS && !ago && !after && whole && standsAlone(units, k, last)
                        && nextToPerson(units, k));
            if (isAge && amount <= 120) {
                int years = hoursPerUnit == null ? (int) Math.floor(amount) : (int) Math.floor(amount * hoursPerUnit / YEAR_HOURS + 1e-9);
                int startUnit = before ? k - 1 : k;
                int endUnit = after ? last + 1 : last;
                markCovered(units, startUnit, endUnit);
                int start = units.get(startUnit).start;
                int end = units.get(endUnit).end;
                mentions.add(new Mention(start, end, text.substring(start, end), MentionKind.AGE, "age",
                        Integer.toString(years), null, SymptomStatus.PRESENT, null));
                if (age == null) {
                    age = years;
                }
                if (attachedSex != null && sex == null) {
                    sex = attachedSex;
                    mentions.add(new Mention(start, end, text.substring(start, end), MentionKind.SEX, "sex",
                            attachedSex.name().toLowerCase(Locale.ROOT), null, SymptomStatus.PRESENT, null));
                }
                k = endUnit;
                continue;
            }
            if (hoursPerUnit == null) {
                continue; // a bare number: not a time, not an age
            }
            if (hoursPerUnit == YEAR_HOURS && !ago && standsAlone(units, k, last)) {
                // "mi compañera de piso (22 años)", "Numb feet, 3 years.": an age or a time, which is not said;
                // neither is taken, so the onset stays unknown (never "long ago").
                markCovered(units, k, last);
                k = last;
                continue;
            }
            int startUnit = k > 0 && (units.get(k - 1).has(Role.SINCE) || units.get(k - 1).has(Role.AGO)) ? k - 1 : k;
            int endUnit = last + 1 < units.size() && units.get(last + 1).has(Role.AGO) ? last + 1 : last;
            markCovered(units, startUnit, endUnit);
            int start = units.get(startUnit).start;
            int end = units.get(endUnit).end;
            if (amount * hoursPerUnit <= MAX_HOURS) { // "for 200 years" is no time the contract takes
                found.add(new Found(k, start, end, Modifier.HOURS_SINCE_ONSET, amount * hoursPerUnit, text.substring(start, end)));
            }
            k = endUnit;
        }
        return new Demographics(age, sex);
    }

    /** An age and a sex written as one word ("24F"). */
    record Demographics(Integer age, Sex sex) {
    }

    /** "I'm 67.", "tengo 67, y": a bare number ends there; "tengo 2 hijos", "I'm 100 percent sure" are no ages. */
    private static boolean endsAnAge(List<Unit> units, int last) {
        if (last + 1 >= units.size()) {
            return true;
        }
        Unit next = units.get(last + 1);
        return next.commaBefore || next.sentence != units.get(last).sentence || next.has(Role.FILLER)
                || next.has(Role.TERMINATION) || next.has(Role.CLAUSE_START) || next.has(Role.LIST_AND)
                || next.has(Role.SEX) || next.has(Role.SEX_FORM) || next.has(Role.AGE_AFTER) || next.has(Role.FIRST_PERSON)
                || next.concept() || next.has(Role.MODIFIER);
    }

    /** Units {@code from} to {@code to} set off by commas, brackets or sentence ends on both sides: "Soy hombre, 65 años." */
    private static boolean standsAlone(List<Unit> units, int from, int to) {
        boolean before = from == 0 || units.get(from).commaBefore || units.get(from).sentence != units.get(from - 1).sentence;
        boolean after = to + 1 == units.size() || units.get(to + 1).commaBefore || units.get(to + 1).sentence != units.get(to).sentence;
        return before && after;
    }

    /** "Male, 34", "19, female", "my husband is 71", "grandad, 91", "F 45": a bare number beside a word for a person. */
    private static boolean nextToPerson(List<Unit> units, int k) {
        for (int j = Math.max(0, k - 3); j <= Math.min(units.size() - 1, k + 2); j++) {
            Unit u = units.get(j);
            if (j != k && u.sentence == units.get(k).sentence && (u.has(Role.SEX) || u.has(Role.SEX_FORM) || u.has(Role.SEX_THIRD))) {
                return true;
            }
        }
        return false;
    }

    private static void markCovered(List<Unit> units, int from, int to) {
        for (int i = from; i <= to; i++) {
            units.get(i).covered = true;
            units.get(i).quantity = true;
        }
    }
}
