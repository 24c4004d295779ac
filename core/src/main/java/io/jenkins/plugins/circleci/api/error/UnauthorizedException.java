package io.jenkins.plugins.circleci.api.error;

/** HTTP 401: the token is missing, expired, or of an old format. */
public class UnauthorizedException extends CircleCiApiException {
    public UnauthorizedException(String message, String hint, int status, String serverMessage, String method, String path) {
        super(message, hint, status, serverMessage, method, path);
    }
}
