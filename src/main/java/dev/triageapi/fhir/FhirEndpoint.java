package dev.triageapi.fhir;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a resource class whose errors FHIR clients read: they are answered as OperationOutcome ({@link OperationOutcomes}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FhirEndpoint {
}
