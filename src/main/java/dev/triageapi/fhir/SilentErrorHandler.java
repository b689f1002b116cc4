package dev.triageapi.fhir;

import ca.uhn.fhir.parser.ErrorHandlerAdapter;

/**
 * HAPI's default error handler logs what it finds odd while encoding, quoting element values and references: request
 * text, symptom words and control characters would reach the log. This one notices nothing (every method of the
 * adapter is empty); bodies are parsed with {@link ca.uhn.fhir.parser.StrictErrorHandler}, which throws instead.
 */
final class SilentErrorHandler extends ErrorHandlerAdapter {
}
