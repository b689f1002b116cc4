package dev.triageapi.http;

/** A patient's text longer than the service reads; answered with 413 naming the limit, never quoting the text. */
public class TextTooLongException extends RuntimeException {

    private final int limit;

    public TextTooLongException(int limit) {
        super("text too long", null, false, false);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
