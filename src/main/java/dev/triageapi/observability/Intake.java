package dev.triageapi.observability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST method as a door into triage. Its requests, answered or refused, are counted in
 * {@code triage_requests_total} under this channel, by what the router matched: no list of paths is kept.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Intake {

    /** The channel label: {@code json}, {@code fhir} or {@code cds-hooks}. */
    String value();
}
