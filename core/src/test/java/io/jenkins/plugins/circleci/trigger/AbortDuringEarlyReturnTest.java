package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An abort that arrives while the look that would return early ({@code waitFor: created|workflows}) is running: the
 * early return judges nothing and would leave the workflows running, so the abort wins and cancels them.
 */
class AbortDuringEarlyReturnTest {
    private final ManualClock clock = new ManualClock(T0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, false,
            RandomGenerator.of("L64X128MixRandom"));
    private final FakeCircleCi circleci = new FakeCircleCi();

    @ParameterizedTest
    @EnumSource(value = WaitFor.class, names = {"CREATED", "WORKFLOWS"})
    void anAbortDuringTheLookThatWouldReturnEarlyCancelsTheWorkflows(WaitFor waitFor) {
        WatchOptions options = WatchOptions.builder().waitFor(waitFor).build();
        WatchState fresh = WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), T0,
                options);
        AtomicReference<WatchHandle> handle = new AtomicReference<>();
        circleci.workflows(workflow("w1", "build", "running").build())
                .onListWorkflows(() -> {
                    if (handle.get() != null) {
                        handle.get().abort("SIGTERM");
                    }
                });
        handle.set(watcher.watch(circleci, fresh, options, new RecordingListener()));

        assertThat(scheduler.runUntil(() -> handle.get().outcome().isDone(), Duration.ofMinutes(5))).isTrue();
        Outcome outcome = handle.get().outcome().join();
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ABORTED);
        assertThat(circleci.canceled).contains("w1");
    }
}
