package io.jenkins.plugins.circleci.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, so that a scenario of hours runs in milliseconds.
 *
 * <p>The simulator computes every state lazily from its clock and never sleeps on it, so tests in other modules can
 * hand the same instance to their own virtual schedulers and advance one shared notion of time.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves time forward (a negative duration is refused: time does not run backwards behind a client's back). */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative duration: " + duration);
        }
        return now.updateAndGet(t -> t.plus(duration));
    }

    /** Sets the current instant, for tests that want absolute times. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** Shares the same underlying time: advancing either clock advances both. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(now, newZone);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
