package io.jenkins.plugins.circleci.api.error;

/** CircleCI (or a proxy) answered 2xx with a body that is not the JSON the API documents. */
public class MalformedResponseException extends FailedExchangeException {
    public MalformedResponseException(String message, String hint, String method, String path, Throwable cause) {
        super(message, hint, method, path, cause);
    }
}
