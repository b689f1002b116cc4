package dev.triageapi.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the service logs while it is installed, as text: level, logger, message, parameters, MDC request id,
 * throwable. {@link #muting()} also keeps it off the console, for tests that provoke ERROR lines on purpose: a green
 * build should not print errors that are expected.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<Handler, Level> muted = new LinkedHashMap<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Captures like {@link #start()} and silences the other handlers (the console) until closed. */
    public static LogCapture muting() {
        LogCapture capture = start();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler != capture) {
                capture.muted.put(handler, handler.getLevel());
                handler.setLevel(Level.OFF);
            }
        }
        return capture;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (record.getParameters() != null && record.getParameters().length > 0) {
            message = message + " " + Arrays.toString(record.getParameters());
        }
        String requestId = record instanceof ExtLogRecord ext ? ext.getMdc("requestId") : null;
        Throwable thrown = record.getThrown();
        StringBuilder causes = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            causes.append(' ').append(t);
        }
        lines.add(record.getLevel() + " " + record.getLoggerName() + " " + message + causes
                + (requestId == null ? "" : " mdc.requestId=" + requestId));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        muted.forEach(Handler::setLevel);
    }
}
