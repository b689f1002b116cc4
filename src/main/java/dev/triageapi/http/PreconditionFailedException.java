package dev.triageapi.http;

/** A hook call lacks context or prefetch data the service needs: 412, as CDS Hooks asks. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String detail) {
        super(detail, null, false, false);
    }
}
