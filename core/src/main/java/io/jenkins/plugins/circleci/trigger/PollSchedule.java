package io.jenkins.plugins.circleci.trigger;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to look next. Quiet polls grow the interval from the minimum by half each time up to the maximum; any change
 * resets it to the minimum. Failed reads back off exponentially, but never past the next regular look (a
 * {@code Retry-After} wins when longer). Every interval is shortened by up to a fifth at random, so that many waits
 * started together drift apart.
 */
final class PollSchedule {
    /** The longest pause between attempts while CircleCI fails, whatever the poll interval. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    /** The most by which a look that found the request budget empty is spread out. */
    static final Duration MAX_BUDGET_SPREAD = Duration.ofSeconds(1);
    /** The longest gap a nudge must leave after the start of the previous poll. */
    static final Duration MAX_NUDGE_GAP = Duration.ofSeconds(1);
    private static final double GROWTH = 1.5;
    private static final double JITTER = 0.2;

    private final Duration min;
    private final Duration max;

    PollSchedule(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    static PollSchedule of(WatchOptions options) {
        return new PollSchedule(options.minPollInterval(), options.maxPollInterval());
    }

    /** The pause after the {@code quietPolls}-th poll in a row that saw no change (0 right after a change). */
    Duration afterQuietPolls(int quietPolls, RandomGenerator random) {
        double millis = min.toMillis() * Math.pow(GROWTH, Math.min(quietPolls, 64));
        return jittered(Math.min(millis, max.toMillis()), random);
    }

    /** The pause after the {@code failures}-th failed attempt in a row (1 for the first). */
    Duration afterFailures(int failures, Duration retryAfter, RandomGenerator random) {
        return afterFailures(failures, retryAfter, null, random);
    }

    /**
     * The pause after the {@code failures}-th failed attempt in a row (1 for the first), never longer than
     * {@code regular}, the pause a successful look would have been followed by: a failed read is retried no later
     * than the poll it stands for would have come, so a run of transient failures (a dropped connection, a 502) does
     * not push the wait's next look further out than its schedule. The backoff only makes the first retries quicker
     * than that, and never adds requests beyond the schedule's pace. A {@code Retry-After} that is longer still wins:
     * CircleCI asked for it. {@code regular} may be null (no cap but {@link #MAX_BACKOFF}).
     */
    Duration afterFailures(int failures, Duration retryAfter, Duration regular, RandomGenerator random) {
        double millis = min.toMillis() * Math.pow(2, Math.min(Math.max(failures - 1, 0), 32));
        Duration backoff = jittered(Math.min(millis, Math.max(max.toMillis(), MAX_BACKOFF.toMillis())), random);
        if (regular != null && regular.compareTo(backoff) < 0) {
            backoff = regular;
        }
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    /**
     * The pause while the shared request budget is exhausted: its own wait, spread by up to one minimum interval but
     * never more than {@link #MAX_BUDGET_SPREAD}. The spread only keeps waits that found the budget empty together
     * from returning together; with long poll intervals (as users choose once webhooks nudge their waits) a spread of
     * a whole interval would delay a nudged look by minutes.
     */
    Duration whileBudgetExhausted(Duration untilAvailable, RandomGenerator random) {
        long spread = Math.min(min.toMillis(), MAX_BUDGET_SPREAD.toMillis());
        return untilAvailable.plusMillis((long) (random.nextDouble() * spread));
    }

    /**
     * The least time from the start of one poll to a poll a nudge asks for: one minimum interval, but never more
     * than {@link #MAX_NUDGE_GAP}. CircleCI sends an event for every job, so a busy pipeline nudges its wait many
     * times a second; without a gap each would cost a poll, all of them from the shared request budget.
     */
    Duration nudgeGap() {
        return min.compareTo(MAX_NUDGE_GAP) < 0 ? min : MAX_NUDGE_GAP;
    }

    private static Duration jittered(double millis, RandomGenerator random) {
        return Duration.ofMillis(Math.max(1, Math.round(millis * (1 - JITTER * random.nextDouble()))));
    }
}
