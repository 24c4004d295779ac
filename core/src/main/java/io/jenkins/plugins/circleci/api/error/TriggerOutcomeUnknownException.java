package io.jenkins.plugins.circleci.api.error;

/**
 * The trigger request may have reached CircleCI, but no usable answer came back (a 5xx, or a read timeout after
 * sending). A trigger is not idempotent, so it is never re-sent: the pipeline may or may not exist, and the hint says
 * how to check (the project's pipeline list) before triggering again.
 */
public class TriggerOutcomeUnknownException extends OutcomeUnknownException {
    public TriggerOutcomeUnknownException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
