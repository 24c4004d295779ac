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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Duration-aware waits end to end: the real client reads the simulator's Insights endpoints over HTTP, on one virtual
 * clock, and the simulator's journal counts what each wait cost.
 */
class DurationAwareAgainstSimulatorTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SLUG = "gh/acme/api";

    private final ManualClock clock = new ManualClock(START);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, new Random(3));
    private final WatchOptions options = WatchOptions.defaults();
    private CircleCiSimulator sim;
    private CircleCiClient client;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Projects run one 10-minute job on {@code build}; {@code history} scripts what Insights knows. */
    private void start(UnaryOperator<io.jenkins.plugins.circleci.simulator.scenario.ProjectHistory.Builder> history) {
        List<Duration> past = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            past.add(Duration.ofSeconds(590 + (i * 7) % 30));
        }
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder().defaultProject(p -> p
                        .workflow("build", w -> w.job("test", Duration.ofMinutes(10)))
                        .history(h -> history.apply(h.runs("build", "main", past)))).build())
                .start();
        client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token("sim-token").clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(RateLimit.defaults(), clock)).build();
    }

    private WatchHandle triggerAndWatch(String slug) {
        TriggeredPipeline triggered = PipelineTrigger.trigger(client, TriggerRequest.builder(ProjectSlug.parse(slug))
                .branch("main").build(), ProgressListener.NONE);
        return watcher.watch(client, WatchState.forTriggered(triggered.pipeline(), clock.instant(), options), options,
                ProgressListener.NONE);
    }

    /** Runs the wait to its end; returns how long after the simulator's completion it ended. */
    private Duration latency(WatchHandle handle) {
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(1))).isTrue();
        assertThat(handle.outcome().join().result()).isEqualTo(BuildResult.SUCCESS);
        Instant completed = sim.completedAt(handle.state().pipelineId()).orElseThrow();
        return Duration.between(completed, clock.instant());
    }

    private long workflowReads(WatchHandle handle) {
        return sim.journal().count("GET", "^/pipeline/" + handle.state().pipelineId() + "/workflow$");
    }

    @Test
    void withHistoryTheWaitReadsInsightsOnceAndLooksAboutAThirdAsOftenSeeingTheEndWithinSeconds() {
        start(h -> h);
        WatchHandle handle = triggerAndWatch(SLUG);
        Duration latency = latency(handle);

        assertThat(latency).isLessThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(workflowReads(handle)).isBetween(15L, 28L);
        assertThat(sim.journal().countsByRoute()).containsEntry("GET /insights/{project-slug}/workflows", 1L);
        assertThat(sim.journal().requests("GET", "^/insights/").get(0).query())
                .contains("branch=main").contains("reporting-window=last-30-days");
    }

    @Test
    void twoWaitsOnTheSameProjectAndBranchShareOneInsightsRequest() {
        start(h -> h);
        WatchHandle first = triggerAndWatch(SLUG);
        WatchHandle second = triggerAndWatch(SLUG);
        latency(first);
        latency(second);
        assertThat(sim.journal().countsByRoute()).containsEntry("GET /insights/{project-slug}/workflows", 1L);
    }

    @Test
    void insightsRefusedWith403Or404FallsBackToTheAdaptiveSchedule() {
        for (boolean forbidden : List.of(true, false)) {
            start(h -> forbidden ? h.forbidden() : h.notFound());
            WatchHandle handle = triggerAndWatch(SLUG);
            assertThat(latency(handle)).isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(workflowReads(handle)).isGreaterThan(55L);
            assertThat(sim.journal().countsByRoute()).containsEntry("GET /insights/{project-slug}/workflows", 1L);
            sim.close();
        }
    }
}
