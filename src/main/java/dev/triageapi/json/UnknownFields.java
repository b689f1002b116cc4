package dev.triageapi.json;

import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of this request's body that the contract does not know, as JSON paths ({@code symptoms[0].onsett}), when
 * they are ignored rather than refused ({@code triage.api.reject-unknown-fields=false}): a misspelt modifier read as
 * "unknown" changes an answer, so the answer says which fields it did not read.
 */
@RequestScoped
public class UnknownFields {

    /** At most this many are kept: a hostile body must not buy a long answer. */
    static final int MAX = 20;

    private final List<String> paths = new ArrayList<>();
    private int more;

    void add(String path) {
        if (paths.size() < MAX) {
            paths.add(path);
        } else {
            more++;
        }
    }

    /** The unknown fields met so far, in the order of the body. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** How many more were met than are kept. */
    public int more() {
        return more;
    }
}
