package io.jenkins.plugins.circleci.api.error;

/**
 * A request that got no usable HTTP answer (no answer at all, or a 2xx body that cannot be read). Such failures pass
 * more often than not, so a read may be tried again. Carries the method and path, never headers.
 */
public abstract class FailedExchangeException extends CircleCiException {
    private final String method;
    private final String path;

    protected FailedExchangeException(String message, String hint, String method, String path, Throwable cause) {
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
