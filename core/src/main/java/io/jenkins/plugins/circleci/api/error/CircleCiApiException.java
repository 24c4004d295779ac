package io.jenkins.plugins.circleci.api.error;

/**
 * CircleCI answered with an HTTP error. Carries the status, CircleCI's own message (from a JSON {@code message},
 * plain text such as "Rate limited.", or a short excerpt of an HTML page from a proxy; empty if the body was empty),
 * and the request's method and path (never its headers, so never the token).
 */
public class CircleCiApiException extends CircleCiException {
    private final int status;
    private final String serverMessage;
    private final String method;
    private final String path;

    public CircleCiApiException(String message, String hint, int status, String serverMessage, String method,
            String path) {
        super(message, hint, null);
        this.status = status;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.method = method;
        this.path = path;
    }

    public int status() {
        return status;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
