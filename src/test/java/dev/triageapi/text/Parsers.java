package dev.triageapi.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.interview.InterviewPlan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled parsers, built once for the plain JUnit tests. */
final class Parsers {

    private static final Map<String, TextParser> PARSERS = new ConcurrentHashMap<>();

    private Parsers() {
    }

    static TextParser of(String language) {
        return PARSERS.computeIfAbsent(language, l -> {
            Catalog catalog = Catalog.bundled();
            return new TextParser(Lexicon.load(l), catalog, InterviewPlan.load(catalog)::hours);
        });
    }
}
