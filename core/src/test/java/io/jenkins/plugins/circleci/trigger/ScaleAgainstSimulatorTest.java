package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A thousand waits at once over real HTTP on a four-thread scheduler. CircleCI's time is a manual clock moved along
 * by the test; the waits poll in real time. Every outcome must be right, and no thread may be spent per wait.
 */
class ScaleAgainstSimulatorTest {
    private static final int WAITS = 1_000;
    private static final int SCHEDULER_THREADS = 4;

    @Test
    void aThousandConcurrentWaitsEndRightOnAFewThreads() throws Exception {
        ManualClock circleciTime = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
        Scenario scenario = Scenario.builder()
                .project("gh/acme/good", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(20))))
                .project("gh/acme/bad", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(30), "failed")))
                .build();
        CountingThreadFactory threads = new CountingThreadFactory();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, threads);
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(circleciTime).webhookPollInterval(null)
                .journalCapacity(0).scenario(scenario).start();
                PipelineWatcher watcher = new PipelineWatcher(scheduler, Clock.systemUTC())) {
            CircleCiClient client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token("sim-token")
                    .retryPolicy(RetryPolicy.none())
                    .budget(RequestBudget.create(new RateLimit(100_000, 100_000), Clock.systemUTC())).build();
            WatchOptions options = WatchOptions.builder()
                    .pollInterval(Duration.ofMillis(100), Duration.ofMillis(500)).build();
            List<WatchHandle> handles = new ArrayList<>();
            List<BuildResult> expected = new ArrayList<>();
            for (int i = 0; i < WAITS; i++) {
                boolean good = i % 4 != 0;
                TriggeredPipeline triggered = PipelineTrigger.trigger(client, TriggerRequest.builder(
                        ProjectSlug.parse(good ? "gh/acme/good" : "gh/acme/bad")).branch("main").build(),
                        ProgressListener.NONE);
                handles.add(watcher.watch(client, WatchState.forTriggered(triggered.pipeline(), Instant.now(),
                        options), options, ProgressListener.NONE));
                expected.add(good ? BuildResult.SUCCESS : BuildResult.FAILURE);
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(
                    handles.stream().map(WatchHandle::outcome).toArray(CompletableFuture[]::new));
            int peakActive = watcher.activeWatches();
            // Move CircleCI's time on in small steps while the waits poll, until all of them have ended.
            for (int step = 0; step < 2_000 && !all.isDone(); step++) {
                circleciTime.advance(Duration.ofSeconds(1));
                try {
                    all.get(20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    peakActive = Math.max(peakActive, watcher.activeWatches());
                }
            }
            assertThat(all).as("every wait ended").isDone();
            for (int i = 0; i < WAITS; i++) {
                Outcome outcome = handles.get(i).outcome().getNow(null);
                assertThat(outcome.result()).as("wait %d", i).isEqualTo(expected.get(i));
                assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
                assertThat(sim.completedAt(outcome.pipeline().id())).isPresent();
            }
            assertThat(peakActive).isGreaterThan(SCHEDULER_THREADS * 10);
            assertThat(threads.created()).isLessThanOrEqualTo(SCHEDULER_THREADS);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
