package io.jenkins.plugins.circleci.simulator.http;

import io.jenkins.plugins.circleci.simulator.scenario.RateLimitRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throttles each token to the scenario's {@link RateLimitRule}s: fixed windows on the simulator's clock, counted per
 * token (CircleCI limits per user token). A request beyond a limit gets 429 {@code {"message":"Rate limit exceeded."}}
 * (the spec's {@code 429_rate_limit_exceeded}) with {@code Retry-After} (seconds until the window resets, rounded up)
 * and the {@code RateLimit-*} / {@code X-RateLimit-*} headers CircleCI documents; it does not count against the
 * window. Tokens are kept only as map keys, never logged.
 */
final class RateLimiter {

    static final String MESSAGE = "Rate limit exceeded.";

    private final List<RateLimitRule> rules;
    /** Per token, per rule: {window index, requests counted in it}. */
    private final Map<String, long[][]> windows = new HashMap<>();

    RateLimiter(List<RateLimitRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Null when the request may go on (and it is counted); the 429 to answer otherwise. */
    synchronized ApiResponse admit(String token, Instant now) {
        if (rules.isEmpty() || token == null) {
            return null;
        }
        long[][] counts = windows.computeIfAbsent(token, t -> new long[rules.size()][2]);
        long nowMillis = now.toEpochMilli();
        for (int i = 0; i < rules.size(); i++) {
            RateLimitRule rule = rules.get(i);
            long per = rule.per().toMillis();
            long window = Math.floorDiv(nowMillis, per);
            if (counts[i][0] != window) {
                counts[i][0] = window;
                counts[i][1] = 0;
            }
            if (counts[i][1] >= rule.requests()) {
                long resetMillis = (window + 1) * per - nowMillis;
                return throttled(rule, Math.max(1, (resetMillis + 999) / 1000));
            }
        }
        for (long[] c : counts) {
            c[1]++;
        }
        return null;
    }

    private static ApiResponse throttled(RateLimitRule rule, long resetSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(resetSeconds));
        headers.put("RateLimit-Limit", Integer.toString(rule.requests()));
        headers.put("RateLimit-Remaining", "0");
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        String window = rule.windowName();
        if (window != null) {
            headers.put("X-RateLimit-Limit-" + window, Integer.toString(rule.requests()));
            headers.put("X-RateLimit-Remaining", "0");
            headers.put("X-RateLimit-Reset", Long.toString(resetSeconds));
        }
        ApiResponse body = ApiResponse.message(429, MESSAGE);
        return new ApiResponse(429, body.contentType(), body.body(), headers, null, null);
    }
}
