package io.jenkins.plugins.circleci.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Simulated time that moves only when no task runs, with tasks that nap on it. */
class VirtualTimeTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void tasksRunAtTheirSimulatedTimeInOrderAndTheClockJumpsBetweenThem() throws Exception {
        ManualClock clock = new ManualClock(T0);
        VirtualTime time = new VirtualTime(clock, 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        time.schedule(() -> seen.add("b at " + Duration.between(T0, clock.instant()).toSeconds()), 2, TimeUnit.HOURS);
        time.schedule(() -> seen.add("a at " + Duration.between(T0, clock.instant()).toSeconds()), 30,
                TimeUnit.SECONDS);
        long real = System.nanoTime();
        time.runUntil(() -> seen.size() == 2, T0.plus(Duration.ofDays(1)), Duration.ofSeconds(30));
        assertThat(seen).containsExactly("a at 30", "b at 7200");
        assertThat(Duration.ofNanos(System.nanoTime() - real)).as("two hours in no time").isLessThan(
                Duration.ofSeconds(10));
        time.shutdownNow();
    }

    @Test
    void aNappingTaskLetsOthersRunAndWakesWhenTheClockGetsThere() throws Exception {
        ManualClock clock = new ManualClock(T0);
        VirtualTime time = new VirtualTime(clock, 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        time.execute(time.guarded(() -> {
            try {
                time.sleeper().sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            seen.add("woke at " + Duration.between(T0, clock.instant()).toMinutes());
            done.set(true);
        }));
        time.schedule(() -> seen.add("other at " + Duration.between(T0, clock.instant()).toMinutes()), 1,
                TimeUnit.MINUTES);
        time.runUntil(done::get, T0.plus(Duration.ofHours(1)), Duration.ofSeconds(30));
        assertThat(seen).containsExactly("other at 1", "woke at 5");
        time.shutdownNow();
    }

    @Test
    void aRunWithNothingLeftToDoOrPastItsHorizonIsReported() {
        ManualClock clock = new ManualClock(T0);
        VirtualTime time = new VirtualTime(clock, 2);
        assertThatThrownBy(() -> time.runUntil(() -> false, T0.plus(Duration.ofHours(1)), Duration.ofSeconds(30)))
                .isInstanceOf(VirtualTime.LostWaitsException.class).hasMessageContaining("Nothing is scheduled");
        time.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.MINUTES);
        assertThatThrownBy(() -> time.runUntil(() -> false, T0.plus(Duration.ofHours(1)), Duration.ofSeconds(30)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("would pass");
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
        time.shutdownNow();
    }

    @Test
    void aFailingSoakTaskStopsTheRun() {
        VirtualTime time = new VirtualTime(new ManualClock(T0), 1);
        time.execute(time.guarded(() -> {
            throw new IllegalStateException("broken harness");
        }));
        assertThatThrownBy(() -> time.runUntil(() -> false, T0.plus(Duration.ofHours(1)), Duration.ofSeconds(30)))
                .hasRootCauseMessage("broken harness");
        time.shutdownNow();
    }
}
