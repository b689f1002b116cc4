package dev.triageapi.bench;

import org.jboss.logmanager.Logger;

import java.util.List;
import java.util.logging.Level;

/**
 * Logging as the packaged service has it ({@code application.properties}: root INFO, {@code org.drools} and
 * {@code org.kie} at WARN). Without this, a JVM outside Quarkus starts the JBoss log manager with every level enabled
 * and Drools formats a TRACE message for every node, tuple and firing (and Quarkus' start-up handler keeps them all in
 * memory), which makes an evaluation several times slower and its cost grow from one iteration to the next.
 */
final class Logging {

    /** Strong references, so the levels stay set. */
    private static final List<Logger> CONFIGURED = List.of(
            level("", Level.INFO), level("org.drools", Level.WARNING), level("org.kie", Level.WARNING));

    private Logging() {
    }

    static void likeTheService() {
        if (CONFIGURED.isEmpty()) {
            throw new IllegalStateException();
        }
    }

    private static Logger level(String category, Level level) {
        Logger logger = Logger.getLogger(category);
        logger.setLevel(level);
        return logger;
    }
}
