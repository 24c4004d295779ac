package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** waitFor (return once created, once the workflows exist, or at the end) and onTimeout, against the simulator. */
class WaitForAndTimeoutAgainstSimulatorTest {
    private static final String SLUG = "gh/acme/api";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private CircleCiSimulator sim;
    private CircleCiClient client;
    private PipelineWatcher watcher;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(UnaryOperator<Scenario.Builder> scenario) {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(scenario.apply(Scenario.builder()).build()).start();
        client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token("sim-token").clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(50, 100), clock)).build();
        watcher = new PipelineWatcher(scheduler, clock, false, RandomGenerator.of("L64X128MixRandom"));
    }

    private WatchHandle triggerAndWatch(WatchOptions options) {
        TriggeredPipeline triggered = PipelineTrigger.trigger(client,
                TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main").build(), listener);
        return watcher.watch(client, WatchState.forTriggered(triggered.pipeline(), clock.instant(), options), options,
                listener);
    }

    private Outcome finish(WatchHandle handle) {
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(30))).isTrue();
        return handle.outcome().join();
    }

    private static WatchOptions waitFor(WaitFor until) {
        return WatchOptions.builder().waitFor(until).build();
    }

    @Test
    void createdReturnsOnceThePipelineIsCreatedWithoutAResultAndLeavesItRunning() {
        start(s -> s.project(SLUG, p -> p.step("pending", Duration.ofSeconds(30))
                .workflow("build", w -> w.job("test", Duration.ofMinutes(5), "failed"))));
        WatchHandle handle = triggerAndWatch(waitFor(WaitFor.CREATED));
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.PIPELINE_CREATED);
        assertThat(outcome.result()).as("nothing judged: never a success").isNull();
        assertThat(outcome.pipeline().state()).isEqualTo("created");
        assertThat(outcome.message()).contains("was created", "waitFor: created");
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-03-02T09:00:30Z"));
        String id = handle.state().pipelineId();
        assertThat(sim.completedAt(id)).as("the pipeline still runs").isEmpty();
        assertThat(handle.cancellationsDone()).isDone();
        clock.advance(Duration.ofMinutes(10));
        assertThat(sim.completedAt(id)).isPresent();
        assertThat(sim.journal().count("POST", "/cancel")).as("nothing canceled").isZero();
    }

    @Test
    void createdStillReportsAnErroredPipeline() {
        start(s -> s.project(SLUG, p -> p.errored("config", "Config does not conform to schema")));
        Outcome outcome = finish(triggerAndWatch(waitFor(WaitFor.CREATED)));
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ERRORED);
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void workflowsReturnsOnceTheyExistWithTheirIdsAndLinks() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofMinutes(5)))
                .workflow("lint", w -> w.job("lint", Duration.ofMinutes(1)))));
        WatchHandle handle = triggerAndWatch(waitFor(WaitFor.WORKFLOWS));
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.WORKFLOWS_CREATED);
        assertThat(outcome.result()).isNull();
        assertThat(outcome.workflows()).extracting(WorkflowSummary::name).containsExactly("build", "lint");
        assertThat(outcome.workflows()).allSatisfy(w -> {
            assertThat(w.id()).isNotBlank();
            assertThat(w.url()).startsWith(sim.baseUrl() + "/pipelines/github/acme/api/").endsWith(w.id());
            assertThat(w.status()).isEqualTo("running");
        });
        assertThat(sim.completedAt(handle.state().pipelineId())).isEmpty();
    }

    @Test
    void workflowsWaitsForTheContinuationOfASetupWorkflow() {
        start(s -> s.project(SLUG, p -> p.setupWorkflow("setup", w -> w.job("generate", Duration.ofSeconds(20)))
                .continuationAfter(Duration.ofMinutes(3))
                .workflow("deploy", w -> w.job("ship", Duration.ofMinutes(2)))));
        Outcome outcome = finish(triggerAndWatch(waitFor(WaitFor.WORKFLOWS)));
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.WORKFLOWS_CREATED);
        assertThat(outcome.workflows()).extracting(WorkflowSummary::name).contains("deploy");
        assertThat(clock.instant()).as("after the continuation").isAfter(Instant.parse("2026-03-02T09:03:20Z"));
    }

    @Test
    void workflowsStillEndsAPipelineThatRunsNone() {
        start(s -> s.project(SLUG, p -> p.noWorkflows()));
        Outcome outcome = finish(triggerAndWatch(waitFor(WaitFor.WORKFLOWS)));
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.NO_WORKFLOWS);
        assertThat(outcome.result()).isEqualTo(BuildResult.NOT_BUILT);
    }

    @Test
    void completedIsTheDefaultAndWaitsToTheEnd() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofMinutes(5), "failed"))));
        assertThat(WatchOptions.defaults().waitFor()).isEqualTo(WaitFor.COMPLETED);
        WatchHandle handle = triggerAndWatch(WatchOptions.defaults());
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.workflows().get(0).duration()).isNotNull().isPositive();
    }

    @ParameterizedTest
    @EnumSource(TimeoutPolicy.class)
    void onTimeoutDecidesTheResultOfATimeout(TimeoutPolicy policy) {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofHours(2)))));
        WatchOptions options = WatchOptions.builder().timeout(Duration.ofMinutes(10)).onTimeout(policy).build();
        Outcome outcome = finish(triggerAndWatch(options));
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(outcome.result()).isEqualTo(policy.result());
        assertThat(outcome.message()).contains("Timed out after 10m");
    }

    @Test
    void theDefaultTimeoutIsAFailure() {
        assertThat(WatchOptions.defaults().onTimeout()).isEqualTo(TimeoutPolicy.FAIL);
        assertThat(TimeoutPolicy.FAIL.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(TimeoutPolicy.UNSTABLE.result()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(TimeoutPolicy.ABORT.result()).isEqualTo(BuildResult.ABORTED);
    }

    @Test
    void bothParseCaseInsensitivelyAndRefuseAnythingElseClearly() {
        assertThat(WaitFor.parse(" Workflows ")).isEqualTo(WaitFor.WORKFLOWS);
        assertThat(TimeoutPolicy.parse("UNSTABLE")).isEqualTo(TimeoutPolicy.UNSTABLE);
        assertThatThrownBy(() -> WaitFor.parse("started")).hasMessageContaining("created, workflows, completed");
        assertThatThrownBy(() -> TimeoutPolicy.parse("ignore")).hasMessageContaining("fail, unstable, abort");
        assertThat(WatchOptions.builder().waitFor(WaitFor.CREATED).onTimeout(TimeoutPolicy.ABORT).build()
                .toBuilder().build()).satisfies(o -> {
                    assertThat(o.waitFor()).isEqualTo(WaitFor.CREATED);
                    assertThat(o.onTimeout()).isEqualTo(TimeoutPolicy.ABORT);
                });
    }

    @Test
    void bothSurviveTheSavedStateOfAStep() throws Exception {
        WatchOptions options = WatchOptions.builder().waitFor(WaitFor.WORKFLOWS).onTimeout(TimeoutPolicy.UNSTABLE)
                .build();
        WatchOptions copy = Serialization.load(Serialization.save(options));
        assertThat(copy.waitFor()).isEqualTo(WaitFor.WORKFLOWS);
        assertThat(copy.onTimeout()).isEqualTo(TimeoutPolicy.UNSTABLE);
    }
}
