package io.jenkins.plugins.circleci.api.error;

/** HTTP 403: the token's user may not do this. */
public class ForbiddenException extends CircleCiApiException {
    public ForbiddenException(String message, String hint, int status, String serverMessage, String method, String path) {
        super(message, hint, status, serverMessage, method, path);
    }
}
