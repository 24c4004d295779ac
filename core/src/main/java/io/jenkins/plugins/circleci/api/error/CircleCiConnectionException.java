package io.jenkins.plugins.circleci.api.error;

/** The request did not get an HTTP answer: refused connection, DNS failure, TLS failure, timeout, dropped socket. */
public class CircleCiConnectionException extends CircleCiException {
    private final String method;
    private final String path;

    public CircleCiConnectionException(String message, String hint, String method, String path, Throwable cause) {
        super(message, hint, cause);
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
