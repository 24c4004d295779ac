package io.jenkins.plugins.circleci.api.error;

/** HTTP 5xx: CircleCI (or a proxy in front of it) failed. */
public class ServerErrorException extends CircleCiApiException {
    @Override
    public boolean isRetryable() {
        return true;
    }

    public ServerErrorException(String message, String hint, int status, String serverMessage, String method, String path) {
        super(message, hint, status, serverMessage, method, path);
    }
}
