package io.jenkins.plugins.circleci.api.error;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: CircleCI throttled this token; {@link #retryAfter()} is its {@code Retry-After}, if it sent one. */
public class RateLimitedException extends CircleCiApiException {
    private final Duration retryAfter;

    public RateLimitedException(String message, String hint, String serverMessage, String method, String path,
            Duration retryAfter) {
        super(message, hint, 429, serverMessage, method, path);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
