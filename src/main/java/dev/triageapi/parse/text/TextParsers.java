package dev.triageapi.parse.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.interview.InterviewPlan;
import dev.triageapi.vocabulary.Language;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** The parser of each supported language, built when the service starts: a lexicon the catalog refuses stops it. */
@ApplicationScoped
public class TextParsers {

    private final Map<Language, TextParser> parsers = new EnumMap<>(Language.class);

    TextParsers(Catalog catalog) {
        InterviewPlan plan = InterviewPlan.load(catalog);
        for (Language language : Language.values()) {
            parsers.put(language, new TextParser(Lexicon.load(language.code()), catalog, plan));
        }
    }

    /** Reads a text written in the given language. */
    public ParsedText parse(String text, Language language) {
        return parsers.get(language).parse(text);
    }
}
