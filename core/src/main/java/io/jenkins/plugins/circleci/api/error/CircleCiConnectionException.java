package io.jenkins.plugins.circleci.api.error;

/** The request did not get an HTTP answer: refused connection, DNS failure, TLS failure, timeout, dropped socket. */
public class CircleCiConnectionException extends FailedExchangeException {
    public CircleCiConnectionException(String message, String hint, String method, String path, Throwable cause) {
        super(message, hint, method, path, cause);
    }
}
