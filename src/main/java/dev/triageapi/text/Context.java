package dev.triageapi.text;

import dev.triageapi.text.ParsedText.Cue;
import dev.triageapi.vocabulary.SymptomStatus;

/** A status and the cue that set it. */
record Context(SymptomStatus status, Cue cue) {
}
