package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A wait that knows how long its workflows usually take polls sparsely while the end is far and densely around it. */
class DurationAwareWatchTest {
    private static final WorkflowDuration TEN_MINUTES = new WorkflowDuration("build", Duration.ofMinutes(10),
            Duration.ofSeconds(620));
    private final ManualClock clock = new ManualClock(T0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, new Random(5));
    private final FakeCircleCi circleci = new FakeCircleCi()
            .workflows(workflow("w1", "build", "running").build());
    private WatchOptions options = WatchOptions.defaults();

    private WatchHandle watch() {
        return watcher.watch(circleci, WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "pending",
                null), clock.instant(), options), options, ProgressListener.NONE);
    }

    /** Lets the workflow succeed at {@code end} and returns how long after it the wait ended. */
    private Duration endAt(WatchHandle handle, Instant end) {
        scheduler.advance(Duration.between(clock.instant(), end));
        circleci.workflows(workflow("w1", "build", "success").stoppedAt(end).build());
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(1))).isTrue();
        assertThat(handle.outcome().join().result()).isEqualTo(BuildResult.SUCCESS);
        return Duration.between(end, clock.instant());
    }

    @Test
    void withHistoryItLooksAFewTimesUntilTheExpectedEndThenEveryFewSeconds() {
        circleci.durations(TEN_MINUTES);
        WatchHandle handle = watch();
        Duration latency = endAt(handle, T0.plusSeconds(605));

        assertThat(latency).isLessThanOrEqualTo(Duration.ofSeconds(4));
        // The adaptive schedule alone looks about 65 times in those ten minutes (see the next test).
        assertThat(circleci.calls("listWorkflows")).isBetween(15, 28);
        assertThat(circleci.calls("workflowDurations")).isEqualTo(1);
        assertThat(circleci.calls("getPipeline")).isEqualTo(1);
    }

    @Test
    void withoutHistoryItLooksAsTheAdaptiveScheduleDoes() {
        Duration latency = endAt(watch(), T0.plusSeconds(605));

        assertThat(latency).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(circleci.calls("listWorkflows")).isGreaterThan(55);
        assertThat(circleci.calls("workflowDurations")).isEqualTo(1);
    }

    @Test
    void whenInsightsRefusesItFallsBackToTheAdaptiveScheduleAndDoesNotAskAgain() {
        circleci.durations(TEN_MINUTES).durationsFail(new ForbiddenException("CircleCI answered 403.", "", 403,
                "Forbidden", "GET", "/insights/gh/acme/api/workflows"));
        WatchHandle handle = watch();
        assertThat(endAt(handle, T0.plusSeconds(605))).isLessThanOrEqualTo(Duration.ofSeconds(10));

        assertThat(circleci.calls("listWorkflows")).isGreaterThan(55);
        assertThat(circleci.calls("workflowDurations")).isEqualTo(1);
    }

    @Test
    void whereInsightsIsRefusedTheWaitsOwnPastRunsMakeLaterWaitsDurationAware() {
        circleci.durationsFail(new ForbiddenException("CircleCI answered 403.", "", 403, "Forbidden", "GET",
                "/insights/gh/acme/api/workflows"));
        int[] looks = new int[DurationHistory.LEARNED_ENOUGH + 1];
        Duration lastLatency = null;
        for (int run = 0; run < looks.length; run++) {
            Instant start = clock.instant();
            circleci.workflows(workflow("w1", "build", "running").createdAt(start).build());
            int before = circleci.calls("listWorkflows");
            WatchHandle handle = watch();
            Instant end = start.plusSeconds(600 + 3 * run);
            scheduler.advance(Duration.between(clock.instant(), end));
            circleci.workflows(workflow("w1", "build", "success").createdAt(start).stoppedAt(end).build());
            assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(1))).isTrue();
            looks[run] = circleci.calls("listWorkflows") - before;
            lastLatency = Duration.between(end, clock.instant());
        }
        // The first three are polled adaptively (about 65 looks each); the fourth knows its end from them.
        for (int run = 0; run < DurationHistory.LEARNED_ENOUGH; run++) {
            assertThat(looks[run]).as("looks of run " + run).isGreaterThan(55);
        }
        assertThat(looks[DurationHistory.LEARNED_ENOUGH]).isLessThan(30);
        assertThat(lastLatency).isLessThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(circleci.calls("workflowDurations")).isEqualTo(1);
    }

    @Test
    void aRunThatOutlivesItsP95IsFollowedByTheAdaptiveScheduleFromItsQuickStart() {
        circleci.durations(TEN_MINUTES);
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(621));
        int atP95 = circleci.calls("listWorkflows");
        scheduler.advance(Duration.ofSeconds(10));
        // Restarted from the minimum interval: three or more looks in the first ten seconds past the p95.
        assertThat(circleci.calls("listWorkflows") - atP95).isGreaterThanOrEqualTo(3);
        assertThat(endAt(handle, T0.plus(Duration.ofMinutes(15)))).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anEarlyFailureIsSeenWithinTheSparseIntervalAndANudgeEndsTheWaitAtOnce() {
        circleci.durations(TEN_MINUTES);
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofMinutes(3));
        Instant failed = clock.instant();
        circleci.workflows(workflow("w1", "build", "failed").stoppedAt(failed).build());
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofMinutes(2))).isTrue();
        assertThat(Duration.between(failed, clock.instant())).isLessThanOrEqualTo(DurationAwareSchedule.MAX_SPARSE);
        assertThat(handle.outcome().join().result()).isEqualTo(BuildResult.FAILURE);

        FakeCircleCi nudged = new FakeCircleCi().workflows(workflow("w1", "build", "running").build())
                .durations(TEN_MINUTES);
        WatchHandle second = watcher.watch(nudged, WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG,
                "pending", null), clock.instant(), options), options, ProgressListener.NONE);
        scheduler.advance(Duration.ofMinutes(3));
        nudged.workflows(workflow("w1", "build", "failed").stoppedAt(clock.instant()).build());
        Instant nudgedAt = clock.instant();
        second.nudge();
        assertThat(scheduler.runUntil(() -> second.outcome().isDone(), Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.between(nudgedAt, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void turnedOffItNeverAsksForHistory() {
        options = WatchOptions.builder().durationAware(false).build();
        circleci.durations(TEN_MINUTES);
        endAt(watch(), T0.plusSeconds(605));

        assertThat(circleci.calls("workflowDurations")).isZero();
        assertThat(circleci.calls("listWorkflows")).isGreaterThan(55);
    }

    @Test
    void waitsOnTheSameProjectAndBranchShareOneLookup() {
        circleci.durations(TEN_MINUTES);
        for (int i = 0; i < 5; i++) {
            watch();
        }
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(circleci.calls("workflowDurations")).isEqualTo(1);
    }
}
