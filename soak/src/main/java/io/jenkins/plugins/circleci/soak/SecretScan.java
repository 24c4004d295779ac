package io.jenkins.plugins.circleci.soak;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Looks for the token and the webhook secret in everything a soak sees come out of the product: console lines, log
 * records (with their exceptions), exception messages and stack traces, toString()s, saved states and returned
 * values.
 */
final class SecretScan {
    /** The product's loggers and those of the HTTP library it uses. */
    private static final List<String> LOGGERS = List.of("io.jenkins.plugins.circleci", "okhttp3");
    /** Held strongly: a logger configured here must not be collected and lose its handler. */
    private final List<Logger> held = new java.util.ArrayList<>();
    private final List<String> secrets;
    private final ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();
    private final AtomicLong scanned = new AtomicLong();
    private final Handler logHandler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            text("log record of " + record.getLoggerName(), format.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    SecretScan(String... secrets) {
        this.secrets = List.of(secrets);
    }

    /** Scans every log record of the product's loggers until {@link #stopLogs()}. */
    void startLogs() {
        logHandler.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            held.add(logger);
            // Every level of ours (retries are logged at FINE); OkHttp's own at its default (INFO and up): its FINE
            // records trace its task queue, not requests.
            if (name.startsWith("io.jenkins")) {
                logger.setLevel(Level.ALL);
            }
            logger.addHandler(logHandler);
            logger.setUseParentHandlers(false); // everything is still scanned; the console stays readable
        }
    }

    void stopLogs() {
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.removeHandler(logHandler);
            logger.setLevel(null);
            logger.setUseParentHandlers(true);
        }
    }

    void text(String where, String text) {
        scanned.incrementAndGet();
        if (text == null) {
            return;
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                findings.add(where + ": " + redact(text));
            }
        }
    }

    void bytes(String where, byte[] bytes) {
        // Java serialization writes strings in (modified) UTF-8: an ASCII secret appears as its own bytes.
        text(where, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** The message, toString and full stack trace of every cause and suppressed exception. */
    void exception(String where, Throwable t) {
        if (t == null) {
            return;
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        text(where, trace.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            text(where + " (message)", c.getMessage());
            text(where + " (toString)", c.toString());
        }
    }

    void object(String where, Object o) {
        text(where + " toString", String.valueOf(o));
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    long scanned() {
        return scanned.get();
    }

    private String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "<SECRET>");
        }
        return out.length() > 400 ? out.substring(0, 400) + "..." : out;
    }
}
