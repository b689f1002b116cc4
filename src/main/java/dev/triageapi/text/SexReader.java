package dev.triageapi.text;

import dev.triageapi.text.ParsedText.Mention;
import dev.triageapi.text.ParsedText.MentionKind;
import dev.triageapi.text.PhraseIndex.Entry;
import dev.triageapi.text.PhraseIndex.Role;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.SymptomStatus;

import java.util.List;
import java.util.Locale;

/**
 * Reads the patient's sex, only their own: "I'm a woman", "mujer de 67 años", "female", "24F"; a word for someone
 * else counts only beside an age or when the text never speaks in the first person; a pregnancy implies female.
 */
final class SexReader {

    /** The sex the text gives, {@code written} when an age already carried one ("24F"), or {@code null}. */
    static Sex read(String text, List<Unit> units, List<Mention> mentions, Sex written, boolean firstPerson) {
        Sex sex = written;
        for (int k = 0; k < units.size() && sex == null; k++) {
            Unit u = units.get(k);
            Entry form = u.match == null ? null : u.match.first(Role.SEX_FORM);
            Entry word = u.match == null ? null : u.match.first(Role.SEX);
            Entry third = u.match == null ? null : u.match.first(Role.SEX_THIRD);
            if (word == null && third != null && nearAge(mentions, u)) {
                word = third;
            }
            if (form != null || (word != null && (nearSelf(units, k) || nearAge(mentions, u)))) {
                sex = Sex.valueOf((form != null ? form : word).code().toUpperCase(Locale.ROOT));
                mentions.add(new Mention(u.start, u.end, text.substring(u.start, u.end), MentionKind.SEX, "sex",
                        sex.name().toLowerCase(Locale.ROOT), null, SymptomStatus.PRESENT, null));
            }
        }
        for (int k = 0; k < units.size() && sex == null && !firstPerson; k++) {
            Entry third = units.get(k).match == null ? null : units.get(k).match.first(Role.SEX_THIRD);
            if (third != null) {
                Unit u = units.get(k);
                sex = Sex.valueOf(third.code().toUpperCase(Locale.ROOT));
                mentions.add(new Mention(u.start, u.end, text.substring(u.start, u.end), MentionKind.SEX, "sex",
                        sex.name().toLowerCase(Locale.ROOT), null, SymptomStatus.PRESENT, null));
            }
        }
        if (sex == null && mentions.stream().anyMatch(m -> m.kind() == MentionKind.PREGNANCY)) {
            sex = Sex.FEMALE;
        }
        return sex;
    }

    private static boolean nearSelf(List<Unit> units, int k) {
        for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
            if (units.get(j).sentence != units.get(k).sentence) {
                return false;
            }
            if (units.get(j).has(Role.SELF)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearAge(List<Mention> mentions, Unit u) {
        return mentions.stream().anyMatch(m -> m.kind() == MentionKind.AGE
                && (Math.abs(m.end() - u.start) <= 24 || Math.abs(u.end - m.start()) <= 24));
    }

    private SexReader() {
    }
}
