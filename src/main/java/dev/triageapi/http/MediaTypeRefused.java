package dev.triageapi.http;

import java.util.List;

/**
 * A body, or an {@code Accept} header, in a media type the endpoint does not speak: 415 or 406, naming the types it
 * does. Thrown by an endpoint that negotiates in its own method (the FHIR door), so its answer says its own types and
 * the error writer for its media type writes it as it writes any other problem.
 */
public final class MediaTypeRefused extends RuntimeException {

    private final int status;
    private final List<String> spoken;

    private MediaTypeRefused(int status, List<String> spoken) {
        super(null, null, false, false);
        this.status = status;
        this.spoken = List.copyOf(spoken);
    }

    /** 415: the body is in none of these types. */
    public static MediaTypeRefused body(String... spoken) {
        return new MediaTypeRefused(415, List.of(spoken));
    }

    /** 406: the client accepts none of these types. */
    public static MediaTypeRefused answer(String... spoken) {
        return new MediaTypeRefused(406, List.of(spoken));
    }

    /** 415 or 406. */
    public int status() {
        return status;
    }

    /** The media types the endpoint speaks, its preferred one first. */
    public List<String> spoken() {
        return spoken;
    }
}
