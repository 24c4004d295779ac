package io.jenkins.plugins.circleci.api.error;

/**
 * The client refused the input before sending anything: a malformed slug, a parameter of the wrong type or over
 * CircleCI's limits, both branch and tag, and so on.
 */
public class InvalidRequestException extends CircleCiException {
    public InvalidRequestException(String message, String hint) {
        super(message, hint, null);
    }
}
