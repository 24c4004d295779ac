package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fault injected on chosen requests, e.g. "the first 3 GETs of /pipeline/.../workflow get 503":
 * {@code FaultRule.status(503).on("GET", "/pipeline/[^/]+/workflow").first(3)}.
 *
 * <p>{@code pathPattern} is a regular expression searched (not matched whole) in the request path relative to
 * {@code /api/v2}, e.g. {@code /pipeline/[^/]+$}. Which matching requests are hit is chosen by {@code first}
 * (the first N), {@code every} (every Nth) or {@code rate} (a probability drawn from the simulator's seeded random);
 * with none of them, every matching request is hit.
 */
public record FaultRule(Kind kind, String method, String pathPattern, int status, Duration retryAfter,
                        Duration delay, int first, int every, double rate) {

    /** What the fault does to the response. */
    public enum Kind {
        /** An HTTP error status with a {@code {"message"}} body, e.g. 500 or 503. */
        STATUS,
        /** 429 with plain text {@code Rate limited.} and a {@code Retry-After} header (seconds). */
        RATE_LIMIT,
        /** The normal response, after a real-time delay. */
        DELAY,
        /** Headers announcing a longer body than is sent, then the connection closes: the client sees an IOException. */
        DISCONNECT,
        /** 200 with a truncated JSON body. */
        MALFORMED_JSON
    }

    public FaultRule {
        Objects.requireNonNull(kind, "kind");
        method = method == null ? "*" : method.toUpperCase(Locale.ROOT);
        pathPattern = pathPattern == null ? "" : pathPattern;
        Pattern.compile(pathPattern); // fail early on a bad expression
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
        delay = delay == null ? Duration.ZERO : delay;
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within 0..1: " + rate);
        }
    }

    public static FaultRule status(int httpStatus) {
        return new FaultRule(Kind.STATUS, "*", "", httpStatus, null, null, 0, 0, 0);
    }

    public static FaultRule rateLimited(Duration retryAfter) {
        return new FaultRule(Kind.RATE_LIMIT, "*", "", 429, retryAfter, null, 0, 0, 0);
    }

    public static FaultRule delay(Duration delay) {
        return new FaultRule(Kind.DELAY, "*", "", 0, null, delay, 0, 0, 0);
    }

    public static FaultRule disconnect() {
        return new FaultRule(Kind.DISCONNECT, "*", "", 0, null, null, 0, 0, 0);
    }

    public static FaultRule malformedJson() {
        return new FaultRule(Kind.MALFORMED_JSON, "*", "", 200, null, null, 0, 0, 0);
    }

    /** Restricts the fault to one method ({@code *} = any) and paths where {@code pathRegex} is found. */
    public FaultRule on(String httpMethod, String pathRegex) {
        return new FaultRule(kind, httpMethod, pathRegex, status, retryAfter, delay, first, every, rate);
    }

    /** Only the first {@code count} matching requests. */
    public FaultRule first(int count) {
        return new FaultRule(kind, method, pathPattern, status, retryAfter, delay, count, every, rate);
    }

    /** Every {@code n}th matching request (the nth, 2nth...). */
    public FaultRule every(int n) {
        return new FaultRule(kind, method, pathPattern, status, retryAfter, delay, first, n, rate);
    }

    /** Each matching request with this probability, drawn from the simulator's seeded random. */
    public FaultRule rate(double probability) {
        return new FaultRule(kind, method, pathPattern, status, retryAfter, delay, first, every, probability);
    }

    public boolean appliesTo(String httpMethod, String apiPath) {
        return ("*".equals(method) || method.equalsIgnoreCase(httpMethod))
                && Pattern.compile(pathPattern).matcher(apiPath).find();
    }
}
