package dev.triageapi.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.vocabulary.Language;

import java.util.EnumMap;
import java.util.Map;

/** The parser of each supported language, built when the service starts: a lexicon the catalog refuses stops it. */
public final class TextParsers {

    private final Map<Language, TextParser> parsers = new EnumMap<>(Language.class);

    public TextParsers(Catalog catalog, DurationHours durations) {
        for (Language language : Language.values()) {
            parsers.put(language, new TextParser(Lexicon.load(language.code()), catalog, durations));
        }
    }

    /** Reads a text written in the given language. */
    public ParsedText parse(String text, Language language) {
        return parsers.get(language).parse(text);
    }
}
