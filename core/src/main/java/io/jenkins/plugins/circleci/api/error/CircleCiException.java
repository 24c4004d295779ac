package io.jenkins.plugins.circleci.api.error;

import java.util.Objects;

/**
 * Root of every error the client raises. Each one says what happened ({@link #getMessage()}) and what the user
 * can do about it ({@link #hint()}). No subclass may ever put a token in its message.
 */
public class CircleCiException extends RuntimeException {
    private final String hint;

    public CircleCiException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = Objects.requireNonNullElse(hint, "");
    }

    /** What to do about it, in one or two sentences; may be empty. */
    public String hint() {
        return hint;
    }

    /** Whether the same read may succeed if tried again later (connection trouble, 5xx, 429, garbage body). */
    public boolean isRetryable() {
        return false;
    }

    /** The message followed by the hint, as shells print it. */
    public String describe() {
        return hint.isEmpty() ? getMessage() : getMessage() + System.lineSeparator() + hint;
    }
}
