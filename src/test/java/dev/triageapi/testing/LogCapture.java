package dev.triageapi.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Everything the service logs while it is installed, as text: logger, message, parameters, MDC request id, throwable. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
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
    }
}
