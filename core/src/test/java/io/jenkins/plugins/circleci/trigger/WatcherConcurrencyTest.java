package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watcher on real threads: polls of one wait never overlap, aborts mid-poll are safe, threads stay few. */
class WatcherConcurrencyTest {
    private static final long MAX_WAIT_SECONDS = 30;

    private final CountingThreadFactory threads = new CountingThreadFactory();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(4, threads);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, Clock.systemUTC());
    private final WatchOptions options = WatchOptions.builder()
            .pollInterval(Duration.ofMillis(10), Duration.ofMillis(50)).build();

    @AfterEach
    void shutDown() {
        scheduler.shutdownNow();
    }

    private WatchHandle watch(FakeCircleCi circleci, ProgressListener listener) {
        return watcher.watch(circleci, WatchState.forTriggered(
                new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), Clock.systemUTC().instant(), options),
                options, listener);
    }

    @Test
    void anAbortDuringAPollWaitsForItThenCancels() throws Exception {
        CountDownLatch inPoll = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrentPolls = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        FakeCircleCi circleci = new FakeCircleCi().workflows(workflow("w1", "build", "running").build());
        circleci.onListWorkflows(() -> {
            maxConcurrent.accumulateAndGet(concurrentPolls.incrementAndGet(), Math::max);
            inPoll.countDown();
            try {
                release.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrentPolls.decrementAndGet();
        });
        WatchHandle handle = watch(circleci, ProgressListener.NONE);
        assertThat(inPoll.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        handle.nudge();
        handle.nudge();
        CompletableFuture<Outcome> aborted = handle.abort("stop");
        assertThat(aborted).isNotDone();
        release.countDown();
        Outcome outcome = aborted.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ABORTED);
        assertThat(circleci.canceled).containsExactly("w1");
        assertThat(maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void aNudgeDuringAPollAsksForExactlyOneMoreLook() throws Exception {
        WatchOptions slow = WatchOptions.builder().pollInterval(Duration.ofMinutes(5), Duration.ofMinutes(5)).build();
        CountDownLatch inPoll = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeCircleCi circleci = new FakeCircleCi().workflows(workflow("w1", "build", "running").build());
        circleci.onListWorkflows(() -> {
            if (inPoll.getCount() > 0) {
                inPoll.countDown();
                try {
                    release.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        WatchHandle handle = watcher.watch(circleci, WatchState.forTriggered(
                new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), Clock.systemUTC().instant(), slow),
                slow, ProgressListener.NONE);
        assertThat(inPoll.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) {
            handle.nudge();
        }
        circleci.workflows(workflow("w1", "build", "success").build());
        release.countDown();
        Outcome outcome = handle.outcome().get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(circleci.calls("listWorkflows")).isEqualTo(2);
    }

    @Test
    void aThousandWaitsShareAFewThreads() throws Exception {
        int waits = 1_000;
        List<WatchHandle> handles = new ArrayList<>();
        for (int i = 0; i < waits; i++) {
            FakeCircleCi circleci = new FakeCircleCi().workflows(workflow("w1", "build", "running").build());
            String end = i % 3 == 0 ? "failed" : "success";
            AtomicInteger looks = new AtomicInteger();
            circleci.onListWorkflows(() -> {
                if (looks.incrementAndGet() == 3) {
                    circleci.workflows(workflow("w1", "build", end).build());
                }
            });
            handles.add(watch(circleci, ProgressListener.NONE));
        }
        assertThat(watcher.activeWatches()).isGreaterThan(0);
        CompletableFuture.allOf(handles.stream().map(WatchHandle::outcome).toArray(CompletableFuture[]::new))
                .get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        for (int i = 0; i < waits; i++) {
            BuildResult expected = i % 3 == 0 ? BuildResult.FAILURE : BuildResult.SUCCESS;
            assertThat(handles.get(i).outcome().join().result()).isEqualTo(expected);
        }
        assertThat(threads.created()).isLessThanOrEqualTo(4);
        assertThat(watcher.activeWatches()).isZero();
    }
}
