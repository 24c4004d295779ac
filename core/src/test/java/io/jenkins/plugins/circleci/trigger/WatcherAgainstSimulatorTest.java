package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end: the real client over real HTTP against the simulator, everything on one virtual clock. The
 * simulator's {@code completedAt} is the referee: a wait may only end as COMPLETED once the simulator says the
 * pipeline is truly done.
 */
class WatcherAgainstSimulatorTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SLUG = "gh/acme/api";
    private static final Duration PATIENCE = Duration.ofHours(30);

    private final ManualClock clock = new ManualClock(START);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private CircleCiSimulator sim;
    private CircleCiClient client;
    private PipelineWatcher watcher;
    private WatchOptions options = WatchOptions.builder().timeout(Duration.ofHours(6)).build();

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(UnaryOperator<Scenario.Builder> scenario) {
        start(scenario, 20);
    }

    private void start(UnaryOperator<Scenario.Builder> scenario, int pageSize) {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null).pageSize(pageSize)
                .scenario(scenario.apply(Scenario.builder()).build()).start();
        client = newClient();
        watcher = new PipelineWatcher(scheduler, clock, false, RandomGenerator.of("L64X128MixRandom"));
    }

    private CircleCiClient newClient() {
        return CircleCiClient.builder().baseUrl(sim.baseUrl()).token("sim-token").clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(50, 100), clock)).build();
    }

    private TriggeredPipeline trigger(String slug) {
        return PipelineTrigger.trigger(client, TriggerRequest.builder(ProjectSlug.parse(slug)).branch("main").build(),
                listener);
    }

    private WatchHandle triggerAndWatch() {
        TriggeredPipeline triggered = trigger(SLUG);
        assertThat(triggered.triggered()).isTrue();
        return watcher.watch(client, WatchState.forTriggered(triggered.pipeline(), clock.instant(), options), options,
                listener);
    }

    private Outcome finish(WatchHandle handle) {
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), PATIENCE)).as("the wait ended").isTrue();
        return handle.outcome().join();
    }

    /** Finishes the wait and checks the simulator agrees the pipeline was done when the wait said so. */
    private Outcome finishCompleted(WatchHandle handle) {
        Outcome outcome = finish(handle);
        assertThat(sim.completedAt(handle.state().pipelineId())).as("CircleCI was done").isPresent();
        return outcome;
    }

    @Test
    void theDefaultPipelineSucceedsAnnouncingItsCreationAndItsWorkflows() {
        start(s -> s);
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finishCompleted(handle);
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(outcome.workflows()).extracting(WorkflowSummary::name).containsExactlyInAnyOrder("build", "lint");
        assertThat(listener.events.get(0)).isInstanceOf(ProgressEvent.PipelineCreated.class);
        assertThat(listener.events.get(0).url()).get().asString().startsWith(sim.baseUrl() + "/pipelines/github/acme/api/");
        assertThat(listener.lines()).contains("workflow build: running → success (5s)");
        String id = handle.state().pipelineId();
        // The pipeline is read only until it is created with workflows; the rest is workflow listings.
        assertThat(sim.journal().count("GET", "^/pipeline/" + id + "$")).isLessThanOrEqualTo(3);
    }

    @Test
    void aSetupWorkflowIsFollowedByItsContinuation() {
        start(s -> s.project(SLUG, p -> p.setupWorkflow("setup", w -> w.job("generate", Duration.ofSeconds(20)))
                .continuationAfter(Duration.ofMinutes(3))
                .workflow("deploy", w -> w.job("ship", Duration.ofMinutes(2), "failed"))));
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finishCompleted(handle);
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.workflows()).extracting(WorkflowSummary::name).contains("deploy");
        assertThat(listener.lines()).contains("setup workflow setup succeeded; waiting up to 10m00s for its continuation")
                .contains("workflow deploy failed in: ship (failed)");
    }

    @Test
    void aFailedWorkflowIsFollowedThroughItsAutomaticReruns() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofMinutes(1), "failed")
                .maxAutoReruns(2).autoRerunOutcomes("failed", "success").autoRerunDelay(Duration.ofSeconds(30)))));
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finishCompleted(handle);
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.workflows()).singleElement().satisfies(w -> assertThat(w.status()).isEqualTo("success"));
        assertThat(handle.state().workflowStatuses()).hasSize(3);
        assertThat(listener.lines()).contains("workflow build failed; waiting up to 5m00s for automatic rerun 1 of 2");
    }

    private void startWithApproval() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(30)))
                .workflow("deploy", w -> w.approval("hold-for-prod").job("ship", Duration.ofSeconds(10)))));
    }

    @Test
    void onHoldWaitsForTheApprovalByDefault() {
        startWithApproval();
        WatchHandle handle = triggerAndWatch();
        scheduler.advance(Duration.ofHours(1));
        assertThat(handle.outcome()).isNotDone();
        assertThat(listener.lines()).containsOnlyOnce("workflow deploy is on hold, waiting for approval of hold-for-prod");

        Workflow deploy = client.listWorkflows(handle.state().pipelineId()).stream()
                .filter(w -> w.name().equals("deploy")).findFirst().orElseThrow();
        Job hold = client.listJobs(deploy.id()).stream().filter(Job::isApproval).findFirst().orElseThrow();
        client.approve(deploy.id(), hold.approvalRequestId());
        Outcome outcome = finishCompleted(handle);
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
    }

    @Test
    void onHoldFailsAtOnceWithPolicyFail() {
        startWithApproval();
        options = options.toBuilder().onHold(OnHoldPolicy.FAIL).build();
        Outcome outcome = finish(triggerAndWatch());
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ON_HOLD);
    }

    @Test
    void onHoldCountsAsSuccessWithPolicySucceedOnceTheRestIsDone() {
        startWithApproval();
        options = options.toBuilder().onHold(OnHoldPolicy.SUCCEED).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ON_HOLD);
        assertThat(outcome.workflows()).extracting(WorkflowSummary::status).containsExactlyInAnyOrder("success",
                "on_hold");
    }

    @Test
    void anErroredPipelineFailsWithCircleCisErrors() {
        start(s -> s.project(SLUG, p -> p.errored("config", "Unable to parse YAML")));
        Outcome outcome = finish(triggerAndWatch());
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ERRORED);
        assertThat(outcome.errors()).singleElement().asString().contains("Unable to parse YAML");
    }

    @Test
    void aPipelineWithoutWorkflowsEndsNotBuilt() {
        start(s -> s.project(SLUG, p -> p.noWorkflows()));
        Outcome outcome = finish(triggerAndWatch());
        assertThat(outcome.result()).isEqualTo(BuildResult.NOT_BUILT);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.NO_WORKFLOWS);
    }

    @Test
    void aPipelineNotTriggeredEndsNotBuiltWithCircleCisReason() {
        start(s -> s.project(SLUG, p -> p.notTriggered()));
        TriggeredPipeline triggered = PipelineTrigger.trigger(client, TriggerRequest.builder(ProjectSlug.parse(SLUG))
                .definitionId(UUID.randomUUID().toString()).branch("main").build(), listener);
        assertThat(triggered.triggered()).isFalse();
        Outcome outcome = triggered.notTriggeredOutcome().orElseThrow();
        assertThat(outcome.result()).isEqualTo(BuildResult.NOT_BUILT);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.NOT_TRIGGERED);
        assertThat(outcome.message()).contains("CI skip");
        assertThat(listener.events).isEmpty();
    }

    @Test
    void everyPageOfWorkflowsCounts() {
        start(s -> s.project(SLUG, p -> {
            for (int i = 0; i < 7; i++) {
                String outcome = i == 5 ? "failed" : "success";
                p.workflow("wf-" + i, w -> w.job("only", Duration.ofSeconds(30), outcome));
            }
            return p;
        }), 2);
        Outcome outcome = finishCompleted(triggerAndWatch());
        assertThat(outcome.workflows()).hasSize(7);
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void rateLimitStormsAndFlakyServersStillGiveTheRightOutcome() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofMinutes(3), "failed")))
                .fault(FaultRule.rateLimited(Duration.ofSeconds(20)).on("GET", "/pipeline/").every(3))
                .fault(FaultRule.status(502).on("GET", "/workflow|/pipeline/").rate(0.2))
                .fault(FaultRule.disconnect().on("GET", "/workflow/").rate(0.1))
                .fault(FaultRule.malformedJson().on("GET", "/pipeline/").rate(0.1)));
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finishCompleted(handle);
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(sim.journal().count("GET", "/pipeline/")).isGreaterThan(3);
    }

    @Test
    void aTriggerAnsweredWith500IsNeverSentTwice() {
        start(s -> s.fault(FaultRule.status(500).on("POST", "/pipeline$").first(1)));
        assertThatThrownBy(() -> trigger(SLUG)).isInstanceOf(TriggerOutcomeUnknownException.class);
        assertThat(sim.journal().count("POST", "/project/.*/pipeline$")).isEqualTo(1);
        assertThat(sim.pipelineIds()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theTimeoutCancelsWhatStillRuns() {
        start(s -> s.project(SLUG, p -> p.workflow("slow", w -> w.job("soak", Duration.ofHours(3)))
                .workflow("quick", w -> w.job("lint", Duration.ofSeconds(10)))));
        options = options.toBuilder().timeout(Duration.ofMinutes(20)).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.message()).contains("Canceled workflows: slow.");
        assertThat(statuses(handle)).containsEntry("slow", "canceled").containsEntry("quick", "success");
    }

    @Test
    void abortCancelsTheRunningWorkflows() {
        start(s -> s.project(SLUG, p -> p.workflow("slow", w -> w.job("soak", Duration.ofHours(3)))
                .workflow("other", w -> w.job("soak", Duration.ofHours(3)))));
        options = options.toBuilder().workflows(List.of("slow")).build();
        WatchHandle handle = triggerAndWatch();
        scheduler.advance(Duration.ofMinutes(5));
        handle.abort("user pressed stop");
        Outcome outcome = finish(handle);
        assertThat(outcome.result()).isEqualTo(BuildResult.ABORTED);
        assertThat(statuses(handle)).containsEntry("slow", "canceled").containsEntry("other", "canceled");
        assertThat(sim.completedAt(handle.state().pipelineId())).isPresent();
    }

    private void sweepToItsEnd(WatchHandle handle) {
        assertThat(scheduler.runUntil(() -> handle.cancellationsDone().isDone(), PATIENCE)).as("the sweep ended")
                .isTrue();
    }

    private long cancelRequests() {
        return sim.journal().count("POST", "^/workflow/[^/]+/cancel$");
    }

    @Test
    void anAbortWhileThePipelineIsBeingSetUpCancelsTheWorkflowsThatStartAfterwards() {
        start(s -> s.project(SLUG, p -> p.step("setup-pending", Duration.ofSeconds(8))
                .step("pending", Duration.ofSeconds(7))
                .workflow("build", w -> w.job("compile", Duration.ofHours(1)))
                .workflow("lint", w -> w.job("style", Duration.ofHours(1)))));
        WatchHandle handle = triggerAndWatch();
        handle.abort("user pressed stop");
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ABORTED);
        assertThat(cancelRequests()).isZero();
        sweepToItsEnd(handle);
        assertThat(cancelRequests()).isEqualTo(2);
        assertThat(statuses(handle)).containsEntry("build", "canceled").containsEntry("lint", "canceled");
        assertThat(sim.completedAt(handle.state().pipelineId())).isPresent();
        assertThat(listener.lines()).anyMatch(l -> l.startsWith("Canceled workflows that started after the abort: "));
        assertThat(Duration.between(START, clock.instant())).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void anAbortWhileASetupWorkflowAwaitsItsContinuationCancelsTheContinuation() {
        start(s -> s.project(SLUG, p -> p.setupWorkflow("setup", w -> w.job("generate", Duration.ofSeconds(20)))
                .continuationAfter(Duration.ofSeconds(40))
                .workflow("deploy", w -> w.job("ship", Duration.ofHours(1)))));
        WatchHandle handle = triggerAndWatch();
        scheduler.advance(Duration.ofSeconds(30));
        handle.abort("user pressed stop");
        finish(handle);
        sweepToItsEnd(handle);
        assertThat(statuses(handle)).containsEntry("setup", "success").containsEntry("deploy", "canceled");
        assertThat(cancelRequests()).isEqualTo(1);
        assertThat(sim.completedAt(handle.state().pipelineId())).isPresent();
    }

    @Test
    void theTimeoutCancelsWorkflowsThatStartAfterIt() {
        start(s -> s.project(SLUG, p -> p.step("pending", Duration.ofSeconds(90))
                .workflow("slow", w -> w.job("soak", Duration.ofHours(3)))));
        options = options.toBuilder().timeout(Duration.ofMinutes(1)).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        sweepToItsEnd(handle);
        assertThat(statuses(handle)).containsEntry("slow", "canceled");
        assertThat(sim.completedAt(handle.state().pipelineId())).isPresent();
    }

    @Test
    void theSweepAfterAnAbortEndsAtItsBoundWhenNoWorkflowEverStarts() {
        start(s -> s.project(SLUG, p -> p.step("setup-pending", Duration.ofHours(2))
                .workflow("build", w -> w.job("compile", Duration.ofMinutes(1)))));
        options = options.toBuilder().abortSweep(Duration.ofMinutes(1)).build();
        WatchHandle handle = triggerAndWatch();
        handle.abort("user pressed stop");
        finish(handle);
        sweepToItsEnd(handle);
        assertThat(Duration.between(START, clock.instant())).isLessThanOrEqualTo(Duration.ofMinutes(1));
        String id = handle.state().pipelineId();
        long looks = sim.journal().count("GET", "^/pipeline/" + id + "$");
        // Polls grow from 2 s to 10 s: a minute holds at most 30 of them.
        assertThat(looks).isPositive().isLessThanOrEqualTo(30);
        scheduler.advance(Duration.ofHours(1));
        assertThat(sim.journal().count("GET", "^/pipeline/" + id + "$")).isEqualTo(looks);
        assertThat(cancelRequests()).isZero();
    }

    private Map<String, String> statuses(WatchHandle handle) {
        return client.listWorkflows(handle.state().pipelineId()).stream()
                .collect(java.util.stream.Collectors.toMap(Workflow::name, w -> w.status().value()));
    }

    @Test
    void aSavedStateResumesWithANewWatcherAndClient() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofMinutes(30), "failed"))));
        WatchHandle first = triggerAndWatch();
        scheduler.advance(Duration.ofMinutes(10));
        byte[] saved = Serialization.save(listener.lastState());
        watcher.close();

        client = newClient();
        PipelineWatcher restarted = new PipelineWatcher(scheduler, clock);
        RecordingListener afterRestart = new RecordingListener();
        WatchHandle second = restarted.watch(client, Serialization.<WatchState>load(saved), options, afterRestart);
        Outcome outcome = finishCompleted(second);
        assertThat(first.outcome()).isCancelled();
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(afterRestart.lines()).containsExactly("workflow build: running → failed (30m00s)",
                "workflow build failed in: test (failed)");
        assertThat(second.state().deadline()).isEqualTo(START.plus(options.timeout()));
    }

    @Test
    void unknownStatusesAreWaitedOutNeverTakenForSuccess() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.status("paused-for-quota", Duration.ofMinutes(5))
                .job("test", Duration.ofMinutes(1)))
                .workflow("odd", w -> w.job("x", Duration.ofSeconds(5)).status("error"))));
        Outcome outcome = finishCompleted(triggerAndWatch());
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(listener.lines()).anyMatch(l -> l.contains("'paused-for-quota', unknown to this version"));
        assertThat(listener.lines()).anyMatch(l -> l.startsWith("workflow build: paused-for-quota → running ("));
    }

    @Test
    void aLongOutageEndsTheWaitWithAClearErrorNotAnOutcome() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofMinutes(5))))
                .fault(FaultRule.status(503).on("GET", "/pipeline/")));
        options = options.toBuilder().outagePatience(Duration.ofMinutes(20)).build();
        WatchHandle handle = triggerAndWatch();
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), PATIENCE)).isTrue();
        assertThat(handle.outcome()).isCompletedExceptionally();
        Throwable error = handle.outcome().handle((o, e) -> e).join();
        assertThat(error).isInstanceOf(CircleCiUnreachableException.class)
                .hasMessageStartingWith("CircleCI was unreachable for 20m").hasMessageContaining("503");
        assertThat(Duration.between(START, clock.instant())).isLessThan(Duration.ofMinutes(22));
    }

    @Test
    void aRevokedTokenEndsTheWaitAtOnceWithTheClientsError() {
        start(s -> s.invalidToken("revoked"));
        TriggeredPipeline triggered = trigger(SLUG);
        CircleCiClient revoked = CircleCiClient.builder().baseUrl(sim.baseUrl()).token("revoked").clock(clock)
                .retryPolicy(RetryPolicy.none()).build();
        WatchHandle handle = watcher.watch(revoked, WatchState.forTriggered(triggered.pipeline(), clock.instant(),
                options), options, listener);
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofMinutes(1))).isTrue();
        assertThat(handle.outcome().handle((o, e) -> e).join()).isInstanceOf(UnauthorizedException.class);
        assertThat(sim.journal().count("GET", "/pipeline/")).isEqualTo(1);
    }

    @Test
    void anUnknownPipelineIdEndsTheWaitAtOnce() {
        start(s -> s);
        WatchHandle handle = watcher.watch(client, WatchState.forPipelineId(UUID.randomUUID().toString(),
                clock.instant(), options), options, listener);
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofMinutes(1))).isTrue();
        assertThat(handle.outcome().handle((o, e) -> e).join()).isInstanceOf(NotFoundException.class);
    }
}
