package io.jenkins.plugins.circleci.api.error;

/**
 * The calling thread was interrupted (a build was aborted) while the client waited for CircleCI or between
 * attempts. The thread's interrupt flag is set again before this is thrown; it is not worth retrying.
 */
public class CircleCiInterruptedException extends CircleCiConnectionException {
    public CircleCiInterruptedException(String message, String hint, String method, String path, Throwable cause) {
        super(message, hint, method, path, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
