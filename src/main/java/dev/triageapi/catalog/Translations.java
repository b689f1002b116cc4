package dev.triageapi.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.triageapi.vocabulary.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's texts in a language other than English, read from {@code catalog/i18n/<language>.json}: one flat map
 * from a text's key to its words. A key is the file's name, then the path to the text, an entry of a list named by its
 * {@code code} (or its index when it has none): {@code symptoms.muscle_weakness.question},
 * {@code modifiers.onset.values.sudden.label}, {@code self-care.short_tiredness.watchFor.0}. Codes, SNOMED codes,
 * sources and other fields that are not words for a patient are never translated (in {@code messages.json} every
 * field is words). A text the file lacks, or whose placeholders ({@code {emergencyNumber}}) differ from the English,
 * stops the catalog from loading.
 */
public final class Translations {

    static final String FOLDER = "catalog/i18n/";
    private static final Set<String> NOT_TEXT = Set.of("code", "snomedCode", "snomedSource", "source", "kind", "urgency",
            "serious", "symptoms", "modifiers", "screen");
    /** The service's own texts: every field of it is words, whatever its name. */
    private static final String MESSAGES = "messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+}");

    private final Language language;
    private final Map<String, String> texts;

    private Translations(Language language, Map<String, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The texts of this language; English, the catalog's own, translates nothing. */
    public static Translations of(Language language) {
        if (language == Language.EN) {
            return new Translations(language, Map.of());
        }
        String resource = FOLDER + language.code() + ".json";
        try (InputStream in = Translations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Map<String, String> texts = new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
            return new Translations(language, Map.copyOf(texts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Texts given here rather than read, for tests of the checks. */
    static Translations of(Language language, Map<String, String> texts) {
        return new Translations(language, Map.copyOf(texts));
    }

    /** This language's words for a key; null when it has none. */
    public String text(String key) {
        return texts.get(key);
    }

    /** Every key this language has, for the check that none is stale. */
    public Set<String> keys() {
        return texts.keySet();
    }

    /**
     * Puts this language's words in place of the English texts of a catalog file's tree ({@code file} is its key
     * prefix), in place; the tree is returned. Fails naming every text without a translation or whose placeholders
     * differ.
     */
    public JsonNode apply(String file, JsonNode tree) {
        if (language == Language.EN) {
            return tree;
        }
        List<String> problems = new ArrayList<>();
        walk(tree, file, skipped(file), (key, english) -> {
            String translated = texts.get(key);
            if (translated == null || translated.isBlank()) {
                problems.add(key + " has no translation");
                return english;
            }
            if (!placeholders(translated).equals(placeholders(english))) {
                problems.add(key + " has placeholders " + placeholders(translated) + " where the English has " + placeholders(english));
            }
            return translated;
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(FOLDER + language.code() + ".json: " + String.join("; ", problems));
        }
        return tree;
    }

    /** The English texts of a catalog file's tree by key, in the file's order. */
    public static Map<String, String> english(String file, JsonNode tree) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(tree.deepCopy(), file, skipped(file), (key, text) -> {
            out.put(key, text);
            return text;
        });
        return out;
    }

    /** The placeholders of a text with how often each occurs. */
    static Map<String, Integer> placeholders(String text) {
        Map<String, Integer> out = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.merge(m.group(), 1, Integer::sum);
        }
        return out;
    }

    private static Set<String> skipped(String file) {
        return file.equals(MESSAGES) ? Set.of() : NOT_TEXT;
    }

    private static void walk(JsonNode node, String path, Set<String> skip, BiFunction<String, String, String> text) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (skip.contains(field.getKey())) {
                    continue;
                }
                String key = path + "." + field.getKey();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(text.apply(key, field.getValue().asText())));
                } else {
                    walk(field.getValue(), key, skip, text);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                JsonNode code = item.get("code");
                String key = path + "." + (item.isObject() && code != null && code.isTextual() ? code.asText() : String.valueOf(i));
                if (item.isTextual()) {
                    array.set(i, TextNode.valueOf(text.apply(key, item.asText())));
                } else {
                    walk(item, key, skip, text);
                }
            }
        }
    }
}
