package dev.triageapi.http;

import java.util.regex.Pattern;

/** Decides what part of a client's input may be quoted back in an error message. */
public final class SafeText {

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private SafeText() {
    }

    /** A JSON field name a client sent, kept only when it is a plain identifier, else {@code ?}. */
    public static String fieldName(String name) {
        return name != null && FIELD_NAME.matcher(name).matches() ? name : "?";
    }

    /** The value in quotes if it looks like a code, otherwise nothing: input is never echoed unless it is harmless. */
    public static String quoteIfCode(String value) {
        return value != null && CODE.matcher(value).matches() ? " '" + value + "'" : "";
    }
}
