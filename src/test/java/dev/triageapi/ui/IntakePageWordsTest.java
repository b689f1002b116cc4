package dev.triageapi.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.vocabulary.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake page's own words ({@code words/<language>.json}): every language has every key with the same
 * placeholders, and every key the page names exists, so no text shows up as its key or in English on a Spanish page.
 */
class IntakePageWordsTest {

    private static final Path PAGE = Path.of("src/main/resources/META-INF/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");
    private static final Pattern IN_HTML = Pattern.compile("data-words(?:-placeholder)?=\"([\\w.]+)\"");
    private static final Pattern IN_JS = Pattern.compile("\\bt\\('([\\w.]*\\w)'");
    /** Keys the script builds from a prefix and a code: {@code t('vitals.' + field)}. */
    private static final Pattern PREFIX_IN_JS = Pattern.compile("\\bt\\('([\\w]+\\.)' \\+");

    private static Map<String, String> words(Language language) throws IOException {
        return new ObjectMapper().readValue(PAGE.resolve("words/" + language.code() + ".json").toFile(), new TypeReference<>() { });
    }

    @Test
    void shouldGiveEveryLanguageEveryKeyWithTheSamePlaceholders() throws IOException {
        Map<String, String> english = words(Language.EN);
        for (Language language : Language.values()) {
            Map<String, String> other = words(language);
            assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(other.keySet()), language + " has other keys");
            List<String> different = new ArrayList<>();
            other.forEach((key, text) -> {
                if (text.isBlank() || !placeholders(text).equals(placeholders(english.get(key)))) {
                    different.add(key);
                }
            });
            assertEquals(List.of(), different, language + ": blank, or placeholders other than the English");
        }
    }

    @Test
    void shouldHaveEveryKeyThePageAndItsScriptName() throws IOException {
        Map<String, String> english = words(Language.EN);
        String html = Files.readString(PAGE.resolve("index.html"));
        String js = Files.readString(PAGE.resolve("intake.js"));
        Set<String> named = new TreeSet<>(found(IN_HTML, html));
        named.addAll(found(IN_JS, js));
        assertTrue(named.size() > 100, "the page names its words: " + named.size());
        named.removeAll(english.keySet());
        assertEquals(Set.of(), named, "keys the page names that words/en.json lacks");
        for (String prefix : found(PREFIX_IN_JS, js)) {
            assertTrue(english.keySet().stream().anyMatch(k -> k.startsWith(prefix)), prefix);
        }
    }

    @Test
    void shouldLeaveNoEnglishTextOutsideTheWordsInTheScript() throws IOException {
        // A string literal of two or more words is text a person reads (a class name list aside): it belongs in the words.
        Pattern sentence = Pattern.compile("(?<!className: )'([A-Za-z][a-z]+(?: [a-z]+)+[^']*)'");
        List<String> literals = new ArrayList<>();
        for (String line : Files.readAllLines(PAGE.resolve("intake.js"))) {
            if (line.strip().startsWith("//") || line.strip().startsWith("*") || line.strip().startsWith("/**")
                    || line.strip().equals("'use strict';")) {
                continue;
            }
            Matcher m = sentence.matcher(line);
            while (m.find()) {
                literals.add(m.group(1));
            }
        }
        assertEquals(List.of(), literals);
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group()).collect(Collectors.toSet());
    }

    private static Set<String> found(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

}
