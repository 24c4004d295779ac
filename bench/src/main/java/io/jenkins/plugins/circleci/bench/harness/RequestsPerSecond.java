package io.jenkins.plugins.circleci.bench.harness;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts the requests a client sends in each second of a clock's time (the simulated clock in the bench), to find the
 * busiest second. Thread-safe.
 */
public final class RequestsPerSecond implements Interceptor {

    private final Clock clock;
    private final Map<Long, Long> perSecond = new TreeMap<>();

    public RequestsPerSecond(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long second = Math.floorDiv(clock.millis(), 1000);
        synchronized (perSecond) {
            perSecond.merge(second, 1L, Long::sum);
        }
        return chain.proceed(chain.request());
    }

    /** The most requests sent within one second (aligned on whole seconds, as fixed rate-limit windows are). */
    public long peak() {
        synchronized (perSecond) {
            return perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    public long total() {
        synchronized (perSecond) {
            return perSecond.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
