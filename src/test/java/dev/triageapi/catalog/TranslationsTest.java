package dev.triageapi.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.triage.interview.InterviewPlan;
import dev.triageapi.vocabulary.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text a person reads has its Spanish, with the English's placeholders, and no Spanish text is left over. */
class TranslationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every English text of the catalog and of the interview plan, by key. */
    static Map<String, String> english() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String file : Catalog.FILES) {
            out.putAll(Translations.english(file, Catalog.tree(JSON, file)));
        }
        JsonNode plan = Catalog.tree(JSON, "interview");
        for (String part : InterviewPlan.TRANSLATED) {
            out.putAll(Translations.english(InterviewPlan.TRANSLATIONS_KEY + "." + part, plan.get(part)));
        }
        return out;
    }

    @Test
    void shouldHaveASpanishTextForEveryEnglishOneAndNoOther() {
        Map<String, String> english = english();
        Set<String> spanish = Translations.of(Language.ES).keys();
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(spanish);
        Set<String> stale = new TreeSet<>(spanish);
        stale.removeAll(english.keySet());
        assertEquals(Set.of(), missing, "English texts without Spanish");
        assertEquals(Set.of(), stale, "Spanish texts no English text has");
    }

    @Test
    void shouldKeepEveryPlaceholderOfTheEnglish() {
        Translations es = Translations.of(Language.ES);
        List<String> wrong = new ArrayList<>();
        english().forEach((key, text) -> {
            String translated = es.text(key);
            if (translated != null && !Translations.placeholders(translated).equals(Translations.placeholders(text))) {
                wrong.add(key + ": " + translated);
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(Language.ES, Catalog.load(Language.ES).language(), "loading checks them too");
    }

    @Test
    void shouldRefuseToLoadATranslationThatDropsAPlaceholderOrAText() {
        JsonNode levels = Catalog.tree(JSON, "urgency-levels");
        Map<String, String> texts = new HashMap<>(Translations.english("urgency-levels", levels));
        String key = texts.keySet().stream().filter(k -> texts.get(k).contains("{emergencyNumber}")).findFirst().orElseThrow();
        Map<String, String> dropped = new HashMap<>(texts);
        dropped.put(key, texts.get(key).replace("{emergencyNumber}", "911"));
        IllegalStateException placeholder = assertThrows(IllegalStateException.class,
                () -> Translations.of(Language.ES, dropped).apply("urgency-levels", Catalog.tree(JSON, "urgency-levels")));
        assertTrue(placeholder.getMessage().contains(key), placeholder.getMessage());
        Map<String, String> lacking = new HashMap<>(texts);
        lacking.remove(key);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Translations.of(Language.ES, lacking).apply("urgency-levels", Catalog.tree(JSON, "urgency-levels")));
        assertTrue(missing.getMessage().contains(key + " has no translation"), missing.getMessage());
    }

    /** In the service's own texts every field is words, even one named like a catalog field that is not. */
    @Test
    void shouldTranslateEveryFieldOfTheMessagesWhateverItsName() throws Exception {
        JsonNode messages = JSON.readTree("{\"cards\": {\"source\": \"Source\", \"code\": \"Code\"}}");
        assertEquals(Map.of("messages.cards.source", "Source", "messages.cards.code", "Code"), Translations.english("messages", messages));
        JsonNode symptoms = JSON.readTree("[{\"code\": \"x\", \"label\": \"X\", \"snomedSource\": \"S\"}]");
        assertEquals(Map.of("symptoms.x.label", "X"), Translations.english("symptoms", symptoms));
    }

    @Test
    void shouldChangeOnlyTheWordsNeverACodeOrASource() {
        Catalog en = Catalog.load(Language.EN);
        Catalog es = Catalog.load(Language.ES);
        assertEquals(en.symptoms().stream().map(SymptomDefinition::code).toList(), es.symptoms().stream().map(SymptomDefinition::code).toList());
        for (SymptomDefinition s : en.symptoms()) {
            SymptomDefinition t = es.symptom(s.code()).orElseThrow();
            assertEquals(s.modifiers(), t.modifiers());
            assertEquals(s.snomedCode(), t.snomedCode());
            assertNotEquals(s.question(), t.question(), s.code());
        }
        for (RedFlagDefinition f : en.redFlags()) {
            RedFlagDefinition t = es.redFlag(f.code()).orElseThrow();
            assertEquals(f.urgency(), t.urgency());
            assertEquals(f.source(), t.source(), "a source is a citation, kept as published");
        }
        assertEquals(en.selfCarePathways().stream().map(SelfCarePathwayDefinition::screen).toList(),
                es.selfCarePathways().stream().map(SelfCarePathwayDefinition::screen).toList());
    }

    /** One register throughout: usted, never tú (its verb forms and pronouns). */
    @Test
    void shouldAddressThePatientAsUsted() {
        // Forms only tú has: the usted imperative of most verbs reads like a third person, so those cannot be told apart.
        Pattern tu = Pattern.compile("\\b(tú|tu|tus|te|ti|contigo|tienes|puedes|sientes|estás|eres|has|vas|quieres|sabes|"
                + "llámanos|cuéntanos|dinos)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
        List<String> found = new ArrayList<>();
        Translations es = Translations.of(Language.ES);
        for (String key : new TreeSet<>(es.keys())) {
            var m = tu.matcher(es.text(key));
            if (m.find()) {
                found.add(key + ": '" + m.group() + "' in " + es.text(key));
            }
        }
        assertEquals(List.of(), found);
    }
}
