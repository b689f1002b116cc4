package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;

import java.util.Arrays;
import java.util.List;

/**
 * A message for a client, kept as a key of {@code problems.properties} and its arguments until the language of the
 * answer is known: the same field error or note reads in English or Spanish as the request asked.
 */
public record Wording(String key, List<Object> arguments) {

    public Wording {
        // A missing value reads as nothing, never as a 500 (List.copyOf refuses a null).
        arguments = arguments.stream().map(a -> a == null ? "" : a).toList();
    }

    public static Wording of(String key, Object... arguments) {
        return new Wording(key, Arrays.asList(arguments));
    }

    /** The words in {@code language}. */
    public String in(Language language) {
        return ProblemWords.words(language, key, arguments.toArray());
    }
}
