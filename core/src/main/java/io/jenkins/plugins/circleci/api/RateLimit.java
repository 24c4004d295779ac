package io.jenkins.plugins.circleci.api;

/**
 * A token bucket: {@code permitsPerSecond} requests per second on average, bursts of up to {@code burst}.
 * One bucket exists per CircleCI host and token in the JVM, shared by every caller (see {@link RequestBudget}).
 */
public record RateLimit(double permitsPerSecond, int burst) {

    public RateLimit {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive, was " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
    }

    /** 10 requests per second, bursts of 20: gentle on CircleCI, ample for hundreds of waits. */
    public static RateLimit defaults() {
        return new RateLimit(10, 20);
    }
}
