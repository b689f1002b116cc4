package dev.triageapi.text;

import dev.triageapi.vocabulary.Modifier;

/** A modifier value found in the text, before it is attached to a symptom. */
record Found(int unit, int start, int end, Modifier modifier, Object value, String text) {
}
