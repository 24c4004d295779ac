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
        /**
         * 429 with plain text {@code Rate limited.} and a {@code Retry-After} header (seconds); without the header
         * when {@code retryAfter} is zero.
         */
        RATE_LIMIT,
        /** The normal response, after a real-time delay (past a client's read timeout: a slow response). */
        DELAY,
        /** Headers announcing a longer body than is sent, then the connection closes: the client sees an IOException. */
        DISCONNECT,
        /** 200 with a truncated JSON body. */
        MALFORMED_JSON,
        /** The connection is closed before the request body is read, with no answer: nothing is carried out. */
        DISCONNECT_BEFORE_BODY,
        /**
         * The request is carried out (a trigger creates its pipeline, a cancel cancels), then the connection is closed
         * before any answer: the client cannot tell whether it happened.
         */
        DISCONNECT_AFTER_BODY,
        /** The request is carried out and its real JSON answer is cut in half (with a matching Content-Length). */
        TRUNCATED_JSON,
        /**
         * A list page whose {@code next_page_token} is the very token it was asked with, so a client that follows it
         * never gets to the end. Only requests that carry a {@code page-token} are hit.
         */
        REPEAT_PAGE_TOKEN;

        /** Whether the simulator carries the request out before the fault spoils the answer. */
        public boolean carriesOut() {
            return this == DISCONNECT_AFTER_BODY || this == TRUNCATED_JSON || this == REPEAT_PAGE_TOKEN;
        }
    }

    public FaultRule {
        Objects.requireNonNull(kind, "kind");
        method = method == null ? "*" : method.toUpperCase(Locale.ROOT);
        pathPattern = pathPattern == null ? "" : pathPattern;
        Pattern.compile(pathPattern); // fail early on a bad expression
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retry_after must not be negative: " + retryAfter);
        }
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

    /** 429 without a {@code Retry-After} header: the client chooses its own backoff. */
    public static FaultRule rateLimitedWithoutRetryAfter() {
        return new FaultRule(Kind.RATE_LIMIT, "*", "", 429, Duration.ZERO, null, 0, 0, 0);
    }

    public static FaultRule disconnectBeforeBody() {
        return new FaultRule(Kind.DISCONNECT_BEFORE_BODY, "*", "", 0, null, null, 0, 0, 0);
    }

    public static FaultRule disconnectAfterBody() {
        return new FaultRule(Kind.DISCONNECT_AFTER_BODY, "*", "", 0, null, null, 0, 0, 0);
    }

    public static FaultRule truncatedJson() {
        return new FaultRule(Kind.TRUNCATED_JSON, "*", "", 0, null, null, 0, 0, 0);
    }

    public static FaultRule repeatPageToken() {
        return new FaultRule(Kind.REPEAT_PAGE_TOKEN, "GET", "", 0, null, null, 0, 0, 0);
    }

    /**
     * The kind with what sets it apart, for counting: {@code status_503}, {@code rate_limit},
     * {@code rate_limit_without_retry_after}, {@code delay}, {@code disconnect_after_body} ...
     */
    public String label() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case STATUS -> name + "_" + status;
            case RATE_LIMIT -> sendsRetryAfter() ? name : name + "_without_retry_after";
            default -> name;
        };
    }

    /** Whether the rule sends a {@code Retry-After} header with its 429. */
    public boolean sendsRetryAfter() {
        return !retryAfter.isZero();
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

    /** Whether a request with this raw query can be hit: a repeated page token needs a page-token to repeat. */
    public boolean appliesToQuery(String rawQuery) {
        return kind != Kind.REPEAT_PAGE_TOKEN || pageTokenOf(rawQuery) != null;
    }

    /** The {@code page-token} of a raw query string (decoded), or null when it has none. */
    public static String pageTokenOf(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("page-token") && eq < pair.length() - 1) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
