package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * A throttle on every token: at most {@code requests} requests in each window of {@code per} (fixed windows on the
 * simulator's clock, counted per token). Beyond it the simulator answers 429 with {@code Retry-After}, as CircleCI
 * does. CircleCI documents the mechanism (per-second, -minute, -hour or -day windows, {@code X-RateLimit-*} headers,
 * 429 with {@code Retry-After}) but publishes no numbers; see docs/simulator.md.
 */
public record RateLimitRule(int requests, Duration per) {

    public RateLimitRule {
        Objects.requireNonNull(per, "per");
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request per window: " + requests);
        }
        if (per.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit's window is at least 1 ms: " + per);
        }
    }

    /** {@code Second}, {@code Minute}, {@code Hour} or {@code Day} for the standard windows; null for others. */
    public String windowName() {
        if (per.equals(Duration.ofSeconds(1))) {
            return "Second";
        }
        if (per.equals(Duration.ofMinutes(1))) {
            return "Minute";
        }
        if (per.equals(Duration.ofHours(1))) {
            return "Hour";
        }
        return per.equals(Duration.ofDays(1)) ? "Day" : null;
    }
}
