package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.error.CircleCiConnectionException;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A wait decides as soon as the facts allow: no idle grace for a pipeline without workflows, no backoff past the schedule. */
class DecideSoonerTest {
    private final ManualClock clock = new ManualClock(T0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, new Random(11));
    private final FakeCircleCi circleci = new FakeCircleCi();

    private WatchHandle watch(String pipelineState) {
        WatchOptions options = WatchOptions.defaults();
        return watcher.watch(circleci, WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG,
                pipelineState, null), clock.instant(), options), options, ProgressListener.NONE);
    }

    private static CircleCiException drop() {
        return new CircleCiConnectionException("Connection reset.", "", "GET", "/pipeline/x/workflow", null);
    }

    private static CircleCiException badGateway() {
        return new ServerErrorException("CircleCI answered 502.", "", 502, "Bad Gateway", "GET", "/pipeline/x");
    }

    @Test
    void aCreatedPipelineThatListsNoWorkflowsEndsNotBuiltWithinSecondsNotMinutes() {
        circleci.pipelineState("created");
        WatchHandle handle = watch(null);
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofMinutes(5))).isTrue();

        Outcome outcome = handle.outcome().join();
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.NO_WORKFLOWS);
        assertThat(outcome.result()).isEqualTo(BuildResult.NOT_BUILT);
        // The default grace is 10 s from the first look; the look that ends it comes one quick interval later at most
        // (the quick start's looks come at about 2 s, 5 s, 9.5 s and 16 s).
        assertThat(Duration.between(T0, clock.instant())).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(17));
        // Three looks or more confirmed it, and the created pipeline was read once.
        assertThat(circleci.calls("listWorkflows")).isGreaterThanOrEqualTo(4);
        assertThat(circleci.calls("getPipeline")).isEqualTo(1);
    }

    @Test
    void aRunOfTransientFailuresIsRetriedNoLaterThanTheRegularPollsWouldHaveCome() {
        circleci.pipelineState("created").workflows(workflow("w1", "build", "running").build());
        watch("created");
        // Ten quiet minutes: the wait polls at its longest interval (10 s, shortened by up to a fifth).
        scheduler.advance(Duration.ofMinutes(10));
        List<Supplier<CircleCiException>> outage = List.of(DecideSoonerTest::drop, DecideSoonerTest::badGateway,
                DecideSoonerTest::badGateway, DecideSoonerTest::drop, DecideSoonerTest::badGateway,
                DecideSoonerTest::drop);
        outage.forEach(e -> circleci.failNext(1, e));
        List<Instant> attempts = attemptTimes(Duration.ofMinutes(2));

        assertThat(attempts).hasSizeGreaterThan(outage.size() + 2);
        for (int i = 1; i < attempts.size(); i++) {
            // Without the cap the 4th, 5th and 6th retries would come 16 s, 32 s and 60 s after the one before.
            assertThat(Duration.between(attempts.get(i - 1), attempts.get(i))).as("gap before attempt " + i)
                    .isLessThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRetriedPollDoesNotReadACreatedPipelineAgain() {
        AtomicInteger lists = new AtomicInteger();
        circleci.pipelineState("created").workflows(workflow("w1", "build", "running").build())
                .onListWorkflows(() -> {
                    if (lists.incrementAndGet() <= 3) {
                        throw drop();
                    }
                });
        watch(null);
        scheduler.runUntil(() -> circleci.calls("listWorkflows") >= 6, Duration.ofMinutes(5));

        assertThat(circleci.calls("listWorkflows")).isGreaterThanOrEqualTo(6);
        assertThat(circleci.calls("getPipeline")).isEqualTo(1);
    }

    /** The instants of every read over {@code span}, in steps of 100 ms of virtual time. */
    private List<Instant> attemptTimes(Duration span) {
        List<Instant> times = new ArrayList<>();
        int seen = circleci.reads();
        Instant end = clock.instant().plus(span);
        while (clock.instant().isBefore(end)) {
            scheduler.advance(Duration.ofMillis(100));
            int now = circleci.reads();
            for (; seen < now; seen++) {
                times.add(clock.instant());
            }
        }
        return times;
    }
}
