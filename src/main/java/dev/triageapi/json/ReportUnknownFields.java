package dev.triageapi.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a request type whose unknown fields are listed for the answer ({@link UnknownFields}) when they are ignored. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReportUnknownFields {

    /**
     * Where an object of this type sits in the request: empty at the top, {@code vitals}, or {@code symptoms[]} for the
     * elements of a list ({@code []} takes the element's index). Stated here because Jackson's parsing context does
     * not say it reliably: a record read through its constructor is buffered, and its context is then another one.
     */
    String at() default "";
}
