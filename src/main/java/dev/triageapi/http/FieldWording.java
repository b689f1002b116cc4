package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;

/** A field error whose message is worded in the answer's language ({@link Wording}). */
public record FieldWording(String field, Wording wording) implements FieldProblem {

    public static FieldWording of(String field, String key, Object... arguments) {
        return new FieldWording(field, Wording.of(key, arguments));
    }

    @Override
    public FieldError in(Language language) {
        return new FieldError(field, wording.in(language));
    }
}
