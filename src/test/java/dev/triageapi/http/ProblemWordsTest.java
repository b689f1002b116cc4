package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every problem's words exist in every language, with the same placeholders, and are not left in English. */
class ProblemWordsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    static Properties read(String file) throws IOException {
        Properties words = new Properties();
        try (InputStream in = ProblemWordsTest.class.getResourceAsStream("/dev/triageapi/http/" + file)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void shouldWordEveryProblemInSpanishWithTheSamePlaceholders() throws IOException {
        Properties en = read("problems.properties");
        Properties es = read("problems_es.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(es.stringPropertyNames()));
        List<String> wrong = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String english = en.getProperty(key);
            String spanish = es.getProperty(key);
            if (!placeholders(english).equals(placeholders(spanish))) {
                wrong.add(key + ": placeholders " + placeholders(english) + " against " + placeholders(spanish));
            }
            if (english.equals(spanish) && !english.matches("\\{\\d+}")) {
                wrong.add(key + ": left in English");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldHaveInEveryLanguageEachKeyTheCodeWordsAMessageWith() throws IOException {
        // A key the code names but a bundle lacks would fail the request it words with a 500: found here instead.
        Pattern key = Pattern.compile("\"((?:field|unused|contract)\\.[a-z-]+)\"");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                key.matcher(Files.readString(file)).results().forEach(r -> named.add(r.group(1)));
            }
        }
        assertTrue(named.size() > 25, "the code words its field errors and notes by key: " + named);
        for (String file : List.of("problems.properties", "problems_es.properties")) {
            Set<String> missing = new TreeSet<>(named);
            missing.removeAll(read(file).stringPropertyNames());
            assertEquals(Set.of(), missing, file);
        }
    }

    @Test
    void shouldWordAMissingKeyOrANullArgumentWithoutFailingTheAnswer() {
        assertEquals("field.no-such-key", Wording.of("field.no-such-key").in(Language.ES));
        assertEquals("el factor de riesgo '' aparece más de una vez",
                Wording.of("field.risk-factor-twice", (Object) null).in(Language.ES));
    }

    @Test
    void shouldGiveEveryDetailKeyATitleOfItsType() throws IOException {
        Properties en = read("problems.properties");
        for (String key : en.stringPropertyNames()) {
            if (key.startsWith("list.") || key.startsWith("field.") || key.startsWith("unused.") || key.startsWith("contract.")) {
                continue; // words that join others, or a field's message inside a problem: not a problem type
            }
            String type = key.substring(0, key.indexOf('.'));
            assertTrue(en.containsKey(type + ".title"), key);
        }
    }

    @Test
    void shouldWordAProblemInTheLanguageAskedForWhateverTheMachineSpeaks() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es"));
            assertEquals("Invalid request", ProblemWords.load(Language.EN).getString("invalid-request.title"));
            assertEquals("Solicitud no válida", ProblemWords.load(Language.ES).getString("invalid-request.title"));
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("The request body is larger than 1048576 bytes.",
                ProblemWords.detail(Language.EN, "payload-too-large", "limit", 1_048_576L));
        assertNotEquals(ProblemWords.detail(Language.EN, "not-found", "path"), ProblemWords.detail(Language.ES, "not-found", "path"));
        assertEquals("application/fhir+json or application/json",
                ProblemWords.either(Language.EN, List.of("application/fhir+json", "application/json")));
        assertEquals("application/fhir+json o application/json",
                ProblemWords.either(Language.ES, List.of("application/fhir+json", "application/json")));
    }

    @Test
    void shouldAddAcceptLanguageToVaryOnceAndKeepWhatWasThere() {
        assertEquals("Accept-Language", Problems.vary(null));
        assertEquals("Origin, Accept-Language", Problems.vary("Origin"));
        assertEquals("Origin, accept-language", Problems.vary("Origin, accept-language"));
    }
}
