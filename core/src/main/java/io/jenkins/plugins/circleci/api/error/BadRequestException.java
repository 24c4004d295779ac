package io.jenkins.plugins.circleci.api.error;

/** HTTP 400 Bad Request: CircleCI rejected an input. */
public class BadRequestException extends CircleCiApiException {
    public BadRequestException(String message, String hint, int status, String serverMessage, String method, String path) {
        super(message, hint, status, serverMessage, method, path);
    }
}
