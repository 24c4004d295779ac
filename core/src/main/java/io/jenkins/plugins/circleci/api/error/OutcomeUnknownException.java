package io.jenkins.plugins.circleci.api.error;

/**
 * A request that is not idempotent (a trigger, a rerun) may have reached CircleCI, but no usable answer came back.
 * It is never re-sent by the client, and it must not be blindly retried by a caller either: the hint says how to
 * check what happened first.
 */
public class OutcomeUnknownException extends CircleCiException {
    public OutcomeUnknownException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
