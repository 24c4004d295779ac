package io.jenkins.plugins.circleci.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Detection latencies of one run, with nearest-rank percentiles. */
public record Latencies(List<Duration> values) {

    public Latencies {
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        values = List.copyOf(sorted);
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]; zero when there is no value. */
    public Duration percentile(double p) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p / 100.0 * values.size());
        return values.get(Math.max(0, Math.min(values.size(), rank) - 1));
    }

    public Duration p50() {
        return percentile(50);
    }

    public Duration p99() {
        return percentile(99);
    }

    public Duration max() {
        return values.isEmpty() ? Duration.ZERO : values.get(values.size() - 1);
    }

    public int count() {
        return values.size();
    }

    /** Whether any latency is negative: a wait that claimed the end before the simulator reached it. */
    public boolean anyNegative() {
        return values.stream().anyMatch(Duration::isNegative);
    }
}
