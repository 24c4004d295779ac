package io.jenkins.plugins.circleci.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The request budget for one CircleCI host and token, shared by every caller in the JVM: a token bucket, plus a
 * pause that a 429 imposes on all callers until its {@code Retry-After} has passed.
 *
 * <p>Blocking callers use {@link #acquire(Duration)}; the watcher, which must not hold threads, asks
 * {@link #timeUntilAvailable()} and reschedules itself instead.
 */
public final class RequestBudget {

    /** The JVM-wide budget for this host and token. The token is only used through a one-way hash. */
    public static RequestBudget forHost(String host, String token, RateLimit limit, Clock clock) {
        throw new UnsupportedOperationException("implemented with the client");
    }

    /** A budget of its own, shared with nobody: for tests and for callers that manage sharing themselves. */
    public static RequestBudget create(RateLimit limit, Clock clock) {
        throw new UnsupportedOperationException("implemented with the client");
    }

    /** Takes a permit if one is free and the host is not paused. */
    public boolean tryAcquire() {
        throw new UnsupportedOperationException("implemented with the client");
    }

    /** Zero when a permit is free and the host is not paused; otherwise how long until one is. Takes nothing. */
    public Duration timeUntilAvailable() {
        throw new UnsupportedOperationException("implemented with the client");
    }

    /**
     * Blocks until a permit is taken, for at most {@code maxWait}.
     *
     * @return whether a permit was taken
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        throw new UnsupportedOperationException("implemented with the client");
    }

    /** Pauses every caller of this budget until {@code until} (after a 429). Never shortens an existing pause. */
    public void pauseUntil(Instant until) {
        throw new UnsupportedOperationException("implemented with the client");
    }

    public Optional<Instant> pausedUntil() {
        throw new UnsupportedOperationException("implemented with the client");
    }
}
