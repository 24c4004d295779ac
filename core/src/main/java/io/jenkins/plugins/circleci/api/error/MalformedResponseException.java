package io.jenkins.plugins.circleci.api.error;

/** CircleCI (or a proxy) answered 2xx with a body that is not the JSON the API documents. */
public class MalformedResponseException extends CircleCiException {
    private final String method;
    private final String path;

    public MalformedResponseException(String message, String hint, String method, String path, Throwable cause) {
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
