package dev.triageapi.text;

import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Trigger;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the parser answers besides symptom statuses: the words it did not understand, and the patient's particulars. */
class TextParserTest {

    @Test
    void shouldListTheWordsItDidNotUnderstandWithTheirPlaces() {
        String text = "I have a zorbling feeling in my elbow and a headache";
        ParsedText parsed = Parsers.of("en").parse(text);
        List<String> spans = parsed.unrecognized().stream().map(ParsedText.Span::text).toList();
        assertTrue(spans.contains("zorbling"), spans.toString());
        parsed.unrecognized().forEach(s -> assertEquals(text.substring(s.start(), s.end()), s.text()));
        assertFalse(spans.stream().anyMatch(s -> s.contains("headache")), "a word understood is not listed: " + spans);
    }

    @Test
    void shouldReadWhetherTheWeaknessIsAlreadyTreated() {
        assertEquals(Boolean.TRUE, Parsers.of("en").parse("My legs are weak, I'm already being treated for it").underTreatment());
        assertEquals(Boolean.FALSE, Parsers.of("en").parse("Weak arms, not on any treatment for weakness").underTreatment());
        assertEquals(Boolean.TRUE, Parsers.of("es").parse("Tengo las piernas débiles, ya estoy en tratamiento").underTreatment());
    }

    @Test
    void shouldReadAgeAndSexWrittenAsOneWord() {
        ParsedText parsed = Parsers.of("en").parse("24F, sudden weakness of the left arm");
        assertEquals(24, parsed.age());
        assertEquals(Sex.FEMALE, parsed.sex());
    }

    @Test
    void shouldReadAPregnancyAndItsDenial() {
        assertEquals(Pregnancy.PREGNANT, Parsers.of("es").parse("Estoy embarazada y me duele la cabeza").pregnancy());
        assertEquals(Pregnancy.NOT_PREGNANT, Parsers.of("en").parse("Not pregnant, headache since this morning").pregnancy());
    }

    @Test
    void shouldKeepAStrokeSignThatWentAwayAsPresentAndResolved() {
        ParsedText.ParsedSymptom numbness = Parsers.of("en").parse("my arm was numb for ten minutes and it went away")
                .symptoms().get(0);
        assertEquals("numbness", numbness.code());
        assertEquals(Boolean.TRUE, numbness.modifiers().get(Modifier.RESOLVED));
    }

    @Test
    void shouldGiveTheSymptomAfterABackReferenceTheCauseTheSentenceBeforeNamed() {
        assertEquals(Trigger.POOR_SLEEP, modifier("en", "I've been sleeping badly for a week. Because of that I'm tired.",
                "fatigue", Modifier.TRIGGER));
        assertEquals(Trigger.POOR_SLEEP, modifier("es", "Duermo mal desde hace una semana. Por eso estoy cansado.",
                "fatigue", Modifier.TRIGGER));
        // No cause without the cause: sleep said to be fine gives the tiredness no trigger.
        assertNull(modifier("en", "I sleep fine, no trouble sleeping. Because of that I'm tired.", "fatigue",
                Modifier.TRIGGER));
    }

    @Test
    void shouldLetWhatBroughtItOnAndItsCourseHoldForEveryComplaintOfTheClause() {
        String text = "After the gym my thighs are sore and a little weak, not getting worse";
        assertEquals(Trigger.EXERCISE, modifier("en", text, "muscle_pain", Modifier.TRIGGER));
        assertEquals(Trigger.EXERCISE, modifier("en", text, "muscle_weakness", Modifier.TRIGGER));
        assertEquals(Boolean.FALSE, modifier("en", text, "muscle_pain", Modifier.WORSENING));
        assertEquals(Boolean.FALSE, modifier("en", text, "muscle_weakness", Modifier.WORSENING));
    }

    @Test
    void shouldReadNeitherLegAsBothAndALevelOfTheTrunkAsAPlaceNotASpread() {
        ParsedText parsed = Parsers.of("es").parse("De repente no puedo mover ninguna de las dos piernas y perdí la "
                + "sensibilidad del pecho para abajo");
        ParsedText.ParsedSymptom paralysis = symptom(parsed, "paralysis");
        assertEquals(SymptomStatus.PRESENT, paralysis.status());
        assertEquals(Side.BOTH, paralysis.modifiers().get(Modifier.SIDE));
        assertNull(symptom(parsed, "numbness").modifiers().get(Modifier.SPREAD));
    }

    private static Object modifier(String language, String text, String code, Modifier modifier) {
        return symptom(Parsers.of(language).parse(text), code).modifiers().get(modifier);
    }

    private static ParsedText.ParsedSymptom symptom(ParsedText parsed, String code) {
        return parsed.symptoms().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not read in " + parsed.symptoms()));
    }
}
