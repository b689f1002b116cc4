package dev.triageapi.triage.api;

import java.util.List;
import java.util.Locale;

/** Reads the {@code Prefer} request header (RFC 7240) for the one preference the triage honours: {@code return=minimal}. */
final class Preferences {

    private Preferences() {
    }

    /**
     * True when some {@code Prefer} header asks {@code return=minimal}. Preferences are comma-separated, each a token
     * with an optional value (quoted or not) and parameters after {@code ;}; names are case-insensitive. A header this
     * cannot read asks for nothing, so the full answer is given.
     */
    static boolean returnMinimal(List<String> headers) {
        if (headers == null) {
            return false;
        }
        for (String header : headers) {
            if (header == null || header.length() > 1024) {
                continue;
            }
            for (String preference : header.split(",")) {
                String head = preference.split(";", 2)[0];
                String[] pair = head.split("=", 2);
                if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("return")
                        && unquoted(pair[1].strip()).equalsIgnoreCase("minimal")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
