package dev.triageapi.triage.vignettes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.text.Lexicon;
import dev.triageapi.text.ParsedText;
import dev.triageapi.text.TextParser;
import dev.triageapi.triage.api.TextIntake;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.interview.InterviewPlan;
import dev.triageapi.triage.vignette.Vignette;
import dev.triageapi.triage.vignette.VignetteSuite;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vignettes told in a patient's words ({@code parse/vignette-texts.json}, written blind to the parser by a
 * separate session, one English and one Spanish message per vignette): the urgency from the text alone is never
 * lower than the vignette's, and equal where the message says everything the vignette's request does.
 */
@AlongsideQuarkusTests
class VignetteTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    void shouldNeverTriageAVignetteLowerFromThePatientsWords(String language) throws IOException {
        Catalog catalog = Rules.CATALOG;
        TextParser parser = new TextParser(Lexicon.load(language), catalog, InterviewPlan.load(catalog)::hours);
        JsonNode texts = JSON.readTree(Path.of("src/test/resources/parse/vignette-texts.json").toFile()).get("texts");
        List<String> lower = new ArrayList<>();
        List<String> different = new ArrayList<>();
        int emergent = 0;
        for (JsonNode entry : texts) {
            Path file = VignetteTest.DIR.resolve(entry.get("vignette").asText());
            Vignette v = VignetteSuite.parse(file.toString(), Files.readString(file));
            Urgency expected = Rules.assess(VignetteTest.REQUESTS.toCase(VignetteSuite.request(v))).urgency();
            emergent += expected.compareTo(Urgency.EMERGENCY) >= 0 ? 1 : 0;
            String text = entry.get(language).asText();
            ParsedText parsed = parser.parse(text);
            TriageRequest request = TextIntake.read(parsed).choose(r -> Rules.assess(VignetteTest.REQUESTS.toCase(r)).urgency());
            Urgency fromText;
            try {
                fromText = request.symptoms().isEmpty() ? null : Rules.assess(VignetteTest.REQUESTS.toCase(request)).urgency();
            } catch (InvalidRequestException refused) {
                fromText = null; // e.g. every symptom it names is absent
            }
            String line = file.getFileName() + ": " + expected.code() + " from the vignette, "
                    + (fromText == null ? "no symptom" : fromText.code()) + " from \"" + text + "\"";
            if (fromText == null || fromText.compareTo(expected) < 0) {
                lower.add(line);
            } else if (fromText != expected && entry.path("complete").asBoolean()) {
                different.add(line);
            }
        }
        System.out.printf(Locale.ROOT, "Vignettes in %s: %d messages (%d emergent), %d lower, %d complete ones higher%n",
                language, texts.size(), emergent, lower.size(), different.size());
        lower.forEach(l -> System.out.println("  LOWER " + l));
        different.forEach(l -> System.out.println("  HIGHER " + l));
        assertTrue(texts.size() >= 150, "at least 150 vignettes are told in words");
        assertEquals(List.of(), lower, "a vignette triaged lower from the patient's words than from its request");
        assertEquals(List.of(), different, "a message that says all its vignette says is triaged at another level");
    }
}
