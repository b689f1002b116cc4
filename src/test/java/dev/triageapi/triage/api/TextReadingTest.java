package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.text.Lexicon;
import dev.triageapi.text.ParsedText;
import dev.triageapi.text.TextParser;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.interview.InterviewPlan;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Trigger;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Choosing between a text's two readings (what words said once for several complaints lent to each, or only to the
 * nearest): the lent reading may take a case from a doctor's visit to self-care, never below a red flag.
 */
@AlongsideQuarkusTests
class TextReadingTest {

    private static final RequestMapper REQUESTS = new RequestMapper(Rules.CATALOG, 50);

    private static Urgency urgency(TriageRequest request) {
        return Rules.assess(REQUESTS.toCase(request)).urgency();
    }

    private static ParsedText parse(String language, String text) {
        Catalog catalog = Rules.CATALOG;
        return new TextParser(Lexicon.load(language), catalog, InterviewPlan.load(catalog)::hours).parse(text);
    }

    private static TextIntake.Reading read(String language, String text) {
        return TextIntake.read(parse(language, text));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "en | I can't swallow and my arms are weak, it came on gradually. Not getting worse.",
            "en | I can't swallow and my arms are weak. It came on gradually and it's not getting worse.",
            "es | No puedo tragar y tengo los brazos débiles, empezó poco a poco. No empeora."})
    void shouldNeverLetACourseSaidOnceForSeveralComplaintsSilenceAnAmbulanceCall(String language, String text) {
        TextIntake.Reading reading = read(language, text);
        assertNotSame(reading.wide(), reading.narrow(), "the text lends the course to the swallowing");
        assertTrue(urgency(reading.wide()).compareTo(Urgency.EMERGENCY_AMBULANCE) < 0, "lent, it would lower the call");
        assertEquals(Urgency.EMERGENCY_AMBULANCE, urgency(reading.choose(TextReadingTest::urgency)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "en | 30M. Did leg day at the gym two days ago and since then my thighs are moderately sore and a bit weak. Came on gradually, not getting worse. No fever, no numbness, pee is normal. No statins.",
            "es | Hombre de 30 años. Hice pierna en el gimnasio hace dos días y desde entonces me duelen los muslos, moderado, y los noto un poco débiles. Empezó poco a poco y no empeora. Sin fiebre, sin entumecimiento, la orina normal. No tomo estatinas."})
    void shouldLetACauseAndACourseSaidOnceReachSelfCare(String language, String text) {
        TextIntake.Reading reading = read(language, text);
        assertEquals(Urgency.CONSULTATION, urgency(reading.narrow()));
        assertEquals(Urgency.SELF_CARE, urgency(reading.choose(TextReadingTest::urgency)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            // Reviews of the lending: words pointing back ended the clause, so the time no longer reached the complaint.
            "en | My neck started hurting suddenly an hour ago, since then my vision is blurry. | EMERGENCY_AMBULANCE",
            "en | I've had a fever since this morning, and that's why I'm confused. | EMERGENCY_AMBULANCE",
            "es | Me golpeé la cabeza esta mañana, desde entonces me duele la cabeza y estoy confundido. | EMERGENCY_AMBULANCE",
            // A fall said in passing: before the pain, after it, in another sentence, in a carer's report.
            "en | I fell and my neck hurts | EMERGENCY",
            "en | I fell down the stairs and my neck hurts really bad | EMERGENCY",
            "es | Me caí y me duele el cuello | EMERGENCY",
            "en | I'm writing for my husband. He slipped in the bathroom and his neck hurts. | EMERGENCY",
            "en | My neck hurts, I fell off a ladder this morning | EMERGENCY",
            "en | I fell off a ladder. My neck really hurts. | EMERGENCY",
            "es | Me duele el cuello, me caí de una escalera esta mañana | EMERGENCY",
            "en | Hi I'm calling about my mother, she slipped in the kitchen and now her neck hurts and her hands are tingling | EMERGENCY_AMBULANCE",
            // A well limb beside a one-sided sign.
            "en | I can't move my right leg since an hour ago, my left leg is fine | EMERGENCY_AMBULANCE",
            // Third review: a Spanish fall said after the pain, a fall in the next sentence, a limb that was fine before.
            "es | A mi papá le duele el cuello, se cayó ayer | EMERGENCY",
            "es | Me duele el cuello porque me caí | EMERGENCY",
            "es | mi abuela tiene 80 años, le duele el cuello, se cayó esta mañana | EMERGENCY_AMBULANCE",
            "en | His neck hurts. He fell. | EMERGENCY",
            "en | My left arm was fine yesterday, today it is weak | EMERGENCY_AMBULANCE",
            "en | My right side was fine when I went to bed, woke up with it weak | EMERGENCY_AMBULANCE"})
    void shouldTriageTheWordsAtTheLevelOfTheFactsTheySay(String language, String text, Urgency expected) {
        assertEquals(expected, urgency(read(language, text).choose(TextReadingTest::urgency)));
    }

    /**
     * Words a blind probe's patients typed that the reader missed (a misspelling, a sport, a fall without its accent), and
     * one it must not take as a hedge.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "en | seeing dubble since this morning | double_vision | PRESENT | ",
            "en | legs sore after crossfit | muscle_pain | PRESENT | EXERCISE",
            "es | me duelen las piernas despues del crossfit | muscle_pain | PRESENT | EXERCISE",
            "es | mi papa se cayo ayer y le duele la cabeza | headache | PRESENT | INJURY",
            // "prob" is a problem as often as a probably: never a hedge (a review found "back prob, numb between my
            // legs" read as an unknown saddle numbness).
            "en | back prob, numb between my legs and cant pee | saddle_numbness | PRESENT | "})
    void shouldReadWhatABlindProbesPatientsTyped(String language, String text, String code, SymptomStatus status, Trigger trigger) {
        ParsedText.ParsedSymptom read = parse(language, text).symptoms().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not read in: " + parse(language, text)));
        assertEquals(status, read.status());
        assertEquals(trigger, read.modifiers().get(Modifier.TRIGGER));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {"en | I am 35. My dad fell yesterday and my back hurts since yesterday",
            "en | My back hurts since my blood pressure fell yesterday",
            "en | The wifi fell over again and my back hurts", "en | I fell in love and my back hurts",
            "en | My phone fell and my neck hurts"})
    void shouldNotLendAFallThatIsNotThePatientsOwn(String language, String text) {
        assertTrue(parse(language, text).symptoms().stream().noneMatch(s -> s.lent().containsKey(Modifier.TRIGGER)), text);
    }

    @Test
    void shouldTakeTheLentReadingOnlyWhereItLowersNoLevelAboveAConsultation() {
        TriageRequest wide = new TriageRequest(null, null, List.of(), null, null, null, null, null);
        TriageRequest narrow = new TriageRequest(null, null, List.of(), null, null, null, null, null);
        TextIntake.Reading reading = new TextIntake.Reading(wide, narrow);
        Map<Urgency, Urgency> lentLowers = Map.of(Urgency.CONSULTATION, Urgency.SELF_CARE, Urgency.CONSULTATION_24, Urgency.CONSULTATION,
                Urgency.EMERGENCY, Urgency.CONSULTATION_24, Urgency.EMERGENCY_AMBULANCE, Urgency.EMERGENCY);
        lentLowers.forEach((ifNot, ifLent) -> assertSame(ifNot == Urgency.CONSULTATION ? wide : narrow,
                reading.choose(r -> r == wide ? ifLent : ifNot), ifNot + " to " + ifLent));
        for (Urgency level : Urgency.values()) {
            assertSame(narrow, reading.choose(r -> level), "the same level either way: the lent reading would only drop questions");
            if (level != Urgency.EMERGENCY_AMBULANCE) {
                Urgency higher = Urgency.values()[level.ordinal() + 1];
                assertSame(wide, reading.choose(r -> r == wide ? higher : level), "the lent reading raises");
            }
        }
    }
}
