package io.jenkins.plugins.circleci.api.http;

import io.jenkins.plugins.circleci.api.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Exponential backoff from {@link RetryPolicy}: the ceiling doubles per attempt up to its maximum. */
final class Backoff {
    private final RetryPolicy policy;
    private final DoubleSupplier random;

    Backoff(RetryPolicy policy) {
        this(policy, () -> ThreadLocalRandom.current().nextDouble());
    }

    Backoff(RetryPolicy policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    /** The ceiling after the given failed attempt (1-based): initial * 2^(attempt-1), at most the maximum. */
    Duration ceiling(int failedAttempt) {
        Duration ceiling = policy.initialBackoff();
        for (int i = 1; i < failedAttempt && ceiling.compareTo(policy.maxBackoff()) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : ceiling;
    }

    /** "Full jitter": uniformly between zero and the ceiling, so that many waiting callers spread out. */
    Duration jittered(int failedAttempt) {
        long ceilingNanos = ceiling(failedAttempt).toNanos();
        return Duration.ofNanos((long) (ceilingNanos * random.getAsDouble()));
    }
}
