package io.jenkins.plugins.circleci.bench.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    private final ManualClock clock = new ManualClock();
    private final Instant start = clock.instant();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);

    @Test
    void runsTasksInTimeOrderAtTheirSimulatedInstant() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        scheduler.schedule(() -> seen.add("b@" + offset()), 20, TimeUnit.SECONDS);
        scheduler.schedule(() -> seen.add("a@" + offset()), 10, TimeUnit.SECONDS);
        scheduler.execute(() -> seen.add("now@" + offset()));

        scheduler.runUntil(() -> seen.size() == 3, start.plus(Duration.ofHours(1)), Duration.ofSeconds(10));

        assertThat(seen).containsExactly("now@0", "a@10", "b@20");
    }

    @Test
    void cancelledTaskNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> cancelled = scheduler.schedule(runs::incrementAndGet, 5, TimeUnit.SECONDS);
        scheduler.schedule(() -> { }, 10, TimeUnit.SECONDS);
        cancelled.cancel(false);

        scheduler.runUntil(() -> offset() >= 10, start.plus(Duration.ofHours(1)), Duration.ofSeconds(10));

        assertThat(runs).hasValue(0);
    }

    @Test
    void periodicTaskRepeatsOnSimulatedTime() throws Exception {
        List<Long> at = new CopyOnWriteArrayList<>();
        scheduler.scheduleWithFixedDelay(() -> at.add(offset()), 1, 3, TimeUnit.SECONDS);

        scheduler.runUntil(() -> at.size() == 3, start.plus(Duration.ofHours(1)), Duration.ofSeconds(10));

        assertThat(at).containsExactly(1L, 4L, 7L);
    }

    @Test
    void participantSleepsOnSimulatedTimeAndTimeWaitsForIt() throws Exception {
        List<Long> wakes = new CopyOnWriteArrayList<>();
        scheduler.startParticipant("sleeper", () -> {
            try {
                for (int i = 0; i < 3; i++) {
                    scheduler.sleep(Duration.ofSeconds(10));
                    wakes.add(offset());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Long> ticks = new CopyOnWriteArrayList<>();
        scheduler.schedule(() -> ticks.add(offset()), 15, TimeUnit.SECONDS);

        scheduler.runUntil(() -> wakes.size() == 3, start.plus(Duration.ofHours(1)), Duration.ofSeconds(10));

        assertThat(wakes).containsExactly(10L, 20L, 30L);
        assertThat(ticks).containsExactly(15L);
    }

    @Test
    void failsInsteadOfWaitingForeverWhenNothingIsLeftToRun() {
        assertThatThrownBy(() -> scheduler.runUntil(() -> false, start.plus(Duration.ofHours(1)),
                Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a wait was lost");
    }

    @Test
    void failsWhenSimulatedTimeWouldPassTheHorizon() {
        scheduler.schedule(() -> { }, 2, TimeUnit.HOURS);

        assertThatThrownBy(() -> scheduler.runUntil(() -> false, start.plus(Duration.ofHours(1)),
                Duration.ofSeconds(10)))
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void reportsAParticipantThatFailed() {
        scheduler.startParticipant("broken", () -> {
            throw new IllegalArgumentException("boom");
        });

        assertThatThrownBy(() -> scheduler.runUntil(() -> false, start.plus(Duration.ofHours(1)),
                Duration.ofSeconds(10)))
                .hasRootCauseMessage("boom");
    }

    private long offset() {
        return Duration.between(start, clock.instant()).toSeconds();
    }
}
