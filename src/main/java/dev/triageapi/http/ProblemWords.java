package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;
import jakarta.ws.rs.core.HttpHeaders;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The words of problem answers per language, from {@code problems.properties} and its siblings, by type and detail key. */
public final class ProblemWords {

    private static final String BUNDLE = "dev.triageapi.http.problems";
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, load(language));
        }
    }

    /** A language's words, read without falling back to the JVM's locale: on a machine set to Spanish, English is English. */
    static ResourceBundle load(Language language) {
        Locale locale = language == Language.EN ? Locale.ROOT : Locale.forLanguageTag(language.code());
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private ProblemWords() {
    }

    /** The title of a problem type, e.g. {@code invalid-request}. */
    public static String title(Language language, String type) {
        return BUNDLES.get(language).getString(type + ".title");
    }

    /** The language a request asks its problems in ({@code Accept-Language}), English otherwise. */
    public static Language languageOf(HttpHeaders headers) {
        return headers == null ? Language.EN : Language.negotiate(headers.getRequestHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Alternatives joined as the language joins them: "a or b", "a o b". */
    public static String either(Language language, List<String> alternatives) {
        return String.join(" " + BUNDLES.get(language).getString("list.or") + " ", alternatives);
    }

    /** The detail {@code <type>.<detail>} with its arguments put in. */
    public static String detail(Language language, String type, String detail, Object... arguments) {
        return words(language, type + "." + detail, arguments);
    }

    /** The words of any key, e.g. a field error's {@code field.unknown-symptom}, with its arguments put in. */
    public static String words(Language language, String key, Object... arguments) {
        ResourceBundle bundle = BUNDLES.get(language);
        if (!bundle.containsKey(key)) {
            return key; // never a 500 for a missing word: ProblemWordsTest fails the build on it instead
        }
        String pattern = bundle.getString(key);
        // Numbers as written, not grouped by a locale's convention: "1048576 bytes" is what the configuration says.
        Object[] plain = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            plain[i] = arguments[i] instanceof Number ? String.valueOf(arguments[i]) : arguments[i];
        }
        return new MessageFormat(pattern, Locale.ROOT).format(plain);
    }
}
