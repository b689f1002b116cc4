package dev.triageapi.testing;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that uses no Quarkus test extension (plain rules and data, or an IT that starts the jar itself) and may
 * run beside the Quarkus tests (see the surefire and failsafe configuration in {@code pom.xml}). The shared lock keeps
 * such classes to one at a time, and its methods run one after another on one thread, as they would without it: no
 * class needs to be safe to run concurrently with itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AlongsideQuarkusTests.LOCK)
public @interface AlongsideQuarkusTests {

    /** The lock every such class holds while it runs. */
    String LOCK = "dev.triageapi.testing.AlongsideQuarkusTests";
}
