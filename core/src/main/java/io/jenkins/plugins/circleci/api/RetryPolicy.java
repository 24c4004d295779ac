package io.jenkins.plugins.circleci.api;

import java.time.Duration;

/**
 * How reads, cancel and approve are retried after a connection failure, a 5xx or a 429: exponential backoff from
 * {@code initialBackoff} to {@code maxBackoff} with jitter, at most {@code maxAttempts} attempts in all and never
 * beyond {@code maxTotal}. A {@code Retry-After} from CircleCI overrides the computed backoff. Triggers follow
 * stricter rules (see {@link CircleCiClient#trigger}).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxTotal.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /** 5 attempts, 500 ms doubling to 30 s, within 2 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** One attempt: for callers, such as the watcher, that schedule their own retries without blocking. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
