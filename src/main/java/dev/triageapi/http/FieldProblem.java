package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;

/** What is wrong with one field of a request, written in a language only when the answer is. */
public sealed interface FieldProblem permits FieldError, FieldWording {

    /** The problem as the answer states it, in {@code language}. */
    FieldError in(Language language);
}
