package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** While a pipeline is still being set up, a wait spends no request on what cannot exist yet. */
class SetUpReadsTest {
    private final ManualClock clock = new ManualClock(T0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, new Random(5));
    private final FakeCircleCi circleci = new FakeCircleCi();
    private final WatchOptions options = WatchOptions.defaults();

    private WatchHandle watchTriggered(String answeredState) {
        return watcher.watch(circleci, WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG,
                answeredState, null), clock.instant(), options), options, ProgressListener.NONE);
    }

    @Test
    void aPendingPipelineIsNotAskedForWorkflowsItCannotHaveYet() {
        circleci.pipelineState("pending");
        watcher.watch(circleci, WatchState.forPipelineId(PIPELINE_ID, clock.instant(), options), options,
                ProgressListener.NONE);
        scheduler.advance(Duration.ofSeconds(8));
        assertThat(circleci.calls("getPipeline")).isGreaterThanOrEqualTo(2);
        assertThat(circleci.calls("listWorkflows")).isZero();

        circleci.pipelineState("setup-pending");
        scheduler.advance(Duration.ofSeconds(12));
        assertThat(circleci.calls("listWorkflows")).isZero();

        // Once it is being set up (its setup workflow runs) or created, its workflows are listed.
        circleci.pipelineState("setup").workflows(workflow("w0", "setup", "running").build());
        scheduler.advance(Duration.ofSeconds(12));
        assertThat(circleci.calls("listWorkflows")).isPositive();
    }

    @Test
    void aPipelineTheTriggerFoundPendingIsFirstReadOneQuickIntervalLater() {
        circleci.pipelineState("created").workflows(workflow("w1", "build", "running").build());
        watchTriggered("pending");
        // A look at once could only see it pending; the first comes when the second would have (2 s, less jitter).
        scheduler.advance(Duration.ofMillis(1500));
        assertThat(circleci.reads()).isZero();
        scheduler.advance(Duration.ofMillis(600));
        assertThat(circleci.calls("getPipeline")).isEqualTo(1);
        assertThat(circleci.calls("listWorkflows")).isEqualTo(1);
    }

    @Test
    void theFirstLookStillComesByADeadlineShorterThanTheQuickInterval() {
        WatchOptions quick = WatchOptions.builder().timeout(Duration.ofMillis(500)).build();
        circleci.pipelineState("pending");
        WatchHandle handle = watcher.watch(circleci, WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42,
                SLUG, "pending", null), clock.instant(), quick), quick, ProgressListener.NONE);
        scheduler.advance(Duration.ofMillis(500));
        assertThat(circleci.calls("getPipeline")).isEqualTo(1);
        assertThat(handle.outcome()).isDone();
        assertThat(handle.outcome().join().reason()).isEqualTo(OutcomeReason.TIMED_OUT);
    }

    @Test
    void aPipelineTheTriggerFoundCreatedOrErroredIsReadAtOnce() {
        circleci.pipelineState("errored", "Config does not conform to schema");
        WatchHandle handle = watchTriggered("errored");
        scheduler.advance(Duration.ZERO);
        assertThat(handle.outcome()).isDone();
        assertThat(handle.outcome().join().reason()).isEqualTo(OutcomeReason.ERRORED);
        assertThat(circleci.calls("listWorkflows")).isZero();
    }
}
