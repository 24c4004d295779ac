package io.jenkins.plugins.circleci.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to look next while a pipeline's expected end is known ({@link ExpectedEnd}). Pure: the same instant, end and
 * random draw always give the same pause.
 *
 * <pre>
 *   sparse          │ dense (every 2 × min)         │ adaptive again, from min
 *   ──●───────●───●─┼──●──●──●──●──●──●──●──●──●──●─┼─●─●──●───●────●──────●─────▶ time
 *                   │            ▲ median           ▲ p95
 *              median − 1.5 × (p95 − median), at least 10 s before it
 * </pre>
 *
 * <ul>
 *   <li><b>Sparse</b> while the end is far: half the time left until the dense window, but at least one dense
 *       interval and at most {@link #MAX_SPARSE} (or the longest poll interval, if longer). A pipeline that ends far
 *       earlier than usual (a failure) is still seen within that much.</li>
 *   <li><b>Dense</b> from 1.5 times the median-to-p95 spread before the median (at least {@link #MIN_LEAD}; for a
 *       normal spread of durations this reaches the 1st percentile) until the p95: every two minimum intervals (4 s by
 *       default), so most runs' ends are seen within seconds.</li>
 *   <li><b>Adaptive</b> once the run has outlived its p95: history no longer predicts it, so the usual schedule
 *       restarts from the minimum interval and grows by half the time since the p95, up to the maximum.</li>
 * </ul>
 * Each pause is shortened by up to a fifth at random, like every other.
 */
final class DurationAwareSchedule {
    /** The longest pause while the end is far, unless the longest poll interval is longer. */
    static final Duration MAX_SPARSE = Duration.ofSeconds(60);
    /** The dense window opens at least this long before the median end. */
    static final Duration MIN_LEAD = Duration.ofSeconds(10);
    private static final double SPREAD_LEAD = 1.5;
    private static final double JITTER = 0.2;

    private final Duration min;
    private final Duration max;
    private final Duration dense;
    private final Duration maxSparse;

    DurationAwareSchedule(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        Duration twice = min.multipliedBy(2);
        this.dense = twice.compareTo(max) > 0 ? max : twice;
        this.maxSparse = max.compareTo(MAX_SPARSE) > 0 ? max : MAX_SPARSE;
    }

    static DurationAwareSchedule of(WatchOptions options) {
        return new DurationAwareSchedule(options.minPollInterval(), options.maxPollInterval());
    }

    /** When the dense looks begin for this end. */
    Instant denseFrom(ExpectedEnd end) {
        Duration spread = Duration.between(end.likely(), end.late());
        Duration lead = Duration.ofMillis(Math.round(spread.toMillis() * SPREAD_LEAD));
        return end.likely().minus(lead.compareTo(MIN_LEAD) < 0 ? MIN_LEAD : lead);
    }

    /** The pause before the next look at {@code now}. */
    Duration next(Instant now, ExpectedEnd end, RandomGenerator random) {
        Instant denseFrom = denseFrom(end);
        if (now.isBefore(denseFrom)) {
            Duration half = Duration.between(now, denseFrom).dividedBy(2);
            Duration sparse = half.compareTo(dense) < 0 ? dense : half.compareTo(maxSparse) > 0 ? maxSparse : half;
            return jittered(sparse, random);
        }
        if (!now.isAfter(end.late())) {
            return jittered(dense, random);
        }
        Duration adaptive = min.plus(Duration.between(end.late(), now).dividedBy(2));
        return jittered(adaptive.compareTo(max) > 0 ? max : adaptive, random);
    }

    private static Duration jittered(Duration d, RandomGenerator random) {
        return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() * (1 - JITTER * random.nextDouble()))));
    }
}
