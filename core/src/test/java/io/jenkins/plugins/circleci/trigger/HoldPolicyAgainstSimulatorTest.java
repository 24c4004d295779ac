package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hold policies end to end: the real client over real HTTP against the simulator, on one virtual clock (no real
 * sleeping). Workflow {@code deploy} waits for approval job {@code hold-for-prod} from its start; {@code build} runs
 * for 30 s.
 */
class HoldPolicyAgainstSimulatorTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SLUG = "gh/acme/api";
    private static final String APPROVE = "^/workflow/[^/]+/approve/[^/]+$";
    private static final String CANCEL = "^/workflow/[^/]+/cancel$";

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
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(scenario.apply(Scenario.builder()).build()).start();
        client = newClient();
        watcher = new PipelineWatcher(scheduler, clock, false, RandomGenerator.of("L64X128MixRandom"));
    }

    private void startWithApproval() {
        startWithApproval(UnaryOperator.identity());
    }

    private void startWithApproval(UnaryOperator<Scenario.Builder> more) {
        start(s -> more.apply(s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(30)))
                .workflow("deploy", w -> w.approval("hold-for-prod").job("ship", Duration.ofSeconds(10))))));
    }

    private CircleCiClient newClient() {
        return CircleCiClient.builder().baseUrl(sim.baseUrl()).token("sim-token").clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(50, 100), clock)).build();
    }

    private WatchHandle triggerAndWatch() {
        TriggeredPipeline triggered = PipelineTrigger.trigger(client,
                TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main").build(), listener);
        assertThat(triggered.triggered()).isTrue();
        return watcher.watch(client, WatchState.forTriggered(triggered.pipeline(), clock.instant(), options), options,
                listener);
    }

    private Outcome finish(WatchHandle handle) {
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(30))).as("the wait ended")
                .isTrue();
        return handle.outcome().join();
    }

    private Map<String, String> statuses(WatchHandle handle) {
        return client.listWorkflows(handle.state().pipelineId()).stream()
                .collect(Collectors.toMap(Workflow::name, w -> w.status().value()));
    }

    private String deployLink(WatchHandle handle) {
        Workflow deploy = client.listWorkflows(handle.state().pipelineId()).stream()
                .filter(w -> w.name().equals("deploy")).findFirst().orElseThrow();
        return sim.baseUrl() + "/pipelines/github/acme/api/" + handle.state().pipelineNumber() + "/workflows/"
                + deploy.id();
    }

    // ---- onHold: 'unstable'

    @Test
    void unstableStopsWaitingAsUnstableNamingTheHeldWorkflowAndJobWithALinkAndCancelsNothing() {
        startWithApproval();
        options = options.toBuilder().onHold(OnHoldPolicy.UNSTABLE).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);

        assertThat(outcome.result()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ON_HOLD);
        assertThat(outcome.message()).contains("Workflow deploy is on hold, waiting for approval of hold-for-prod ("
                + deployLink(handle) + ")").contains("keeps waiting for its approval in CircleCI")
                .contains("Still running: build (running)");
        assertThat(listener.lines()).contains("workflow deploy is on hold, waiting for approval of hold-for-prod");
        // Nothing canceled, nothing approved: deploy still waits in CircleCI, build runs on.
        assertThat(sim.journal().count("POST", CANCEL)).isZero();
        assertThat(sim.journal().count("POST", APPROVE)).isZero();
        assertThat(statuses(handle)).containsEntry("deploy", "on_hold").containsEntry("build", "running");
    }

    @Test
    void unstableKeepsAWorseResultOfAnotherCountedWorkflow() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(5), "failed"))
                .workflow("deploy", w -> w.job("prepare", Duration.ofMinutes(1)).approval("hold-for-prod"))));
        options = options.toBuilder().onHold(OnHoldPolicy.UNSTABLE).build();
        Outcome outcome = finish(triggerAndWatch());
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ON_HOLD);
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void unstableIgnoresAHoldInAWorkflowThatDoesNotCount() {
        startWithApproval();
        options = options.toBuilder().onHold(OnHoldPolicy.UNSTABLE).workflows(List.of("build")).build();
        Outcome outcome = finish(triggerAndWatch());
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
    }

    // ---- a workflow failing at an approval: CircleCI shows it failing, never on_hold

    /** deploy: build, then lint (fails) beside package; hold-for-prod after package; ship after the approval. */
    private void startFailingAtApproval() {
        start(s -> s.project(SLUG, p -> p.workflow("deploy", w -> w.job("build", Duration.ofSeconds(10))
                .job(JobSpec.build("lint", Duration.ofSeconds(5), "failed").withRequires(List.of("build")))
                .job(JobSpec.build("package", Duration.ofSeconds(20), "success").withRequires(List.of("build")))
                .job(JobSpec.approval("hold-for-prod").withRequires(List.of("package")))
                .job(JobSpec.build("ship", Duration.ofSeconds(10), "success")
                        .withRequires(List.of("hold-for-prod"))))));
    }

    @Test
    void aWorkflowFailingAtAnApprovalEndsAsFailureUnderThePolicyFail() {
        startFailingAtApproval();
        options = options.toBuilder().onHold(OnHoldPolicy.FAIL).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);

        assertThat(statuses(handle)).containsEntry("deploy", "failing");
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ON_HOLD);
        assertThat(outcome.message()).contains("Workflow deploy is failing and waits for approval of hold-for-prod");
        assertThat(clock.instant()).as("seen within minutes, not at the 6 h timeout")
                .isBefore(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aWorkflowFailingAtAnApprovalIsNeverApprovedAndItsHoldTimeoutEndsTheWait() {
        startFailingAtApproval();
        options = options.toBuilder().approve(List.of("hold-for-prod")).holdTimeout(Duration.ofMinutes(15)).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);

        assertThat(sim.journal().count("POST", APPROVE)).as("approving would start ship after a failure").isZero();
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.HOLD_TIMED_OUT);
        assertThat(listener.lines()).anyMatch(l -> l.contains("not approving hold-for-prod in workflow deploy"));
        assertThat(clock.instant()).isBefore(START.plus(Duration.ofMinutes(20)));
    }

    // ---- holdTimeout

    @Test
    void holdTimeoutFailsAWorkflowHeldLongerAndCancelsItWithCancelOnAbort() {
        startWithApproval();
        options = options.toBuilder().holdTimeout(Duration.ofMinutes(30)).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);

        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.HOLD_TIMED_OUT);
        assertThat(outcome.message()).startsWith("Workflow deploy waited for approval of hold-for-prod longer than "
                + "the hold timeout, 30m00s (" + deployLink(handle) + ").").contains("Canceled");
        // Ended within a poll of the hold timeout, counted from the first look that saw the hold.
        assertThat(clock.instant()).isAfterOrEqualTo(START.plus(Duration.ofMinutes(30)))
                .isBefore(START.plus(Duration.ofMinutes(31)));
        assertThat(statuses(handle)).containsEntry("deploy", "canceled");
    }

    @Test
    void aCancelAnsweredWithGarbageIsSentAgainSoTheHeldWorkflowIsNotLeftWaiting() {
        // Found by the soak: a 200 whose body was not JSON (a proxy's page, a body cut short) was read as CircleCI
        // accepting the cancel, which it had not carried out; the sweep never canceled the held workflow again.
        startWithApproval(s -> s.fault(FaultRule.malformedJson().on("POST", CANCEL).first(1)));
        options = options.toBuilder().holdTimeout(Duration.ofMinutes(30)).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.HOLD_TIMED_OUT);
        scheduler.runUntil(() -> handle.cancellationsDone().isDone(), Duration.ofMinutes(5));

        assertThat(handle.cancellationsDone()).isDone();
        assertThat(sim.journal().count("POST", CANCEL)).isEqualTo(2);
        assertThat(statuses(handle)).containsEntry("deploy", "canceled");
    }

    @Test
    void anApprovalAnsweredWithGarbageIsSentAgainRatherThanAwaitedForever() {
        // The same for an approval: read as accepted, the wait would have awaited it ("approved, resuming") until its
        // timeout, though CircleCI never approved the job.
        startWithApproval(s -> s.fault(FaultRule.malformedJson().on("POST", APPROVE).first(1)));
        options = options.toBuilder().approve(List.of("hold-for-prod")).build();
        WatchHandle handle = triggerAndWatch();
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(1))).as("ended soon")
                .isTrue();
        Outcome outcome = handle.outcome().join();

        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(sim.journal().count("POST", APPROVE)).as("the garbled one, then one CircleCI carried out")
                .isEqualTo(2);
    }

    @Test
    void holdTimeoutWithoutCancelOnAbortLeavesTheHeldWorkflowWaiting() {
        startWithApproval();
        options = options.toBuilder().holdTimeout(Duration.ofMinutes(30)).cancelOnAbort(false).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);

        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.HOLD_TIMED_OUT);
        assertThat(outcome.message()).contains("Nothing was canceled");
        assertThat(sim.journal().count("POST", CANCEL)).isZero();
        assertThat(statuses(handle)).containsEntry("deploy", "on_hold");
    }

    @Test
    void anApprovalWithinTheHoldTimeoutLetsThePipelineSucceed() {
        startWithApproval();
        options = options.toBuilder().holdTimeout(Duration.ofMinutes(30)).build();
        WatchHandle handle = triggerAndWatch();
        scheduler.advance(Duration.ofMinutes(20));
        assertThat(handle.outcome()).isNotDone();
        assertThat(sim.approveHeld(handle.state().pipelineId())).isEqualTo(1);
        Outcome outcome = finish(handle);
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
    }

    @Test
    void theHoldTimeoutRunsFromTheFirstSightingAcrossARestart() {
        startWithApproval();
        options = options.toBuilder().holdTimeout(Duration.ofMinutes(30)).build();
        WatchHandle first = triggerAndWatch();
        scheduler.advance(Duration.ofMinutes(20));
        byte[] saved = Serialization.save(listener.lastState());
        watcher.close();
        assertThat(first.outcome()).isCancelled();

        // The controller is down for 5 minutes; the resumed wait must not start the hold timer again.
        clock.advance(Duration.ofMinutes(5));
        client = newClient();
        PipelineWatcher restarted = new PipelineWatcher(scheduler, clock);
        WatchHandle second = restarted.watch(client, Serialization.<WatchState>load(saved), options,
                new RecordingListener());
        Outcome outcome = finish(second);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.HOLD_TIMED_OUT);
        assertThat(clock.instant()).isBefore(START.plus(Duration.ofMinutes(31)));
    }

    // ---- approve

    @Test
    void approveApprovesTheNamedJobExactlyOnceAndThePipelineThenSucceeds() {
        startWithApproval();
        options = options.toBuilder().approve(List.of("hold-for-prod")).build();
        WatchHandle handle = triggerAndWatch();
        Outcome outcome = finish(handle);

        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(sim.completedAt(handle.state().pipelineId())).as("CircleCI was done").isPresent();
        assertThat(sim.journal().count("POST", APPROVE)).isEqualTo(1);
        assertThat(statuses(handle)).containsEntry("deploy", "success");
        assertThat(listener.lines()).contains("approved hold-for-prod in workflow deploy through the CircleCI API, "
                + "as approve names it (as the CircleCI token's user)");
        assertThat(listener.lines()).noneMatch(l -> l.contains("is on hold, waiting for approval"));
    }

    @Test
    void anApprovedJobIsNotAHoldForTheFailPolicy() {
        startWithApproval();
        options = options.toBuilder().onHold(OnHoldPolicy.FAIL).approve(List.of("hold-for-prod")).build();
        Outcome outcome = finish(triggerAndWatch());
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(sim.journal().count("POST", APPROVE)).isEqualTo(1);
    }

    @Test
    void aNameThatNeverAppearsIsNotAnErrorAndApprovesNothingElse() {
        startWithApproval();
        options = options.toBuilder().onHold(OnHoldPolicy.FAIL).approve(List.of("hold-for-staging")).build();
        Outcome outcome = finish(triggerAndWatch());
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ON_HOLD);
        assertThat(outcome.message()).contains("deploy is on hold, waiting for approval of hold-for-prod");
        assertThat(sim.journal().count("POST", APPROVE)).isZero();
    }

    @Test
    void anApprovalCircleCiRefusesEndsTheWaitWithAClearErrorNamingTheJob() {
        startWithApproval(s -> s.fault(FaultRule.status(403).on("POST", "/approve/")));
        options = options.toBuilder().approve(List.of("hold-for-prod")).build();
        WatchHandle handle = triggerAndWatch();
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(1))).as("no hang").isTrue();

        assertThat(handle.outcome()).isCompletedExceptionally();
        Throwable error = catchCause(handle);
        assertThat(error).isInstanceOf(ApprovalRefusedException.class)
                .hasMessageContaining("CircleCI refused to approve job hold-for-prod of workflow deploy");
        assertThat(((ApprovalRefusedException) error).describe()).contains("drop hold-for-prod from approve");
        assertThat(sim.journal().count("POST", APPROVE)).isEqualTo(1);
        assertThat(statuses(handle)).containsEntry("deploy", "on_hold");
    }

    @Test
    void approvalsAreKeptInTheSavedStateAndNotRepeatedAfterARestart() {
        startWithApproval();
        options = options.toBuilder().approve(List.of("hold-for-prod")).build();
        WatchHandle first = triggerAndWatch();
        assertThat(scheduler.runUntil(() -> sim.journal().count("POST", APPROVE) == 1, Duration.ofMinutes(5)))
                .isTrue();
        WatchState saved = Serialization.load(Serialization.save(listener.lastState()));
        watcher.close();
        assertThat(first.outcome()).isCancelled();
        assertThat(saved.approved()).hasSize(1);

        client = newClient();
        Outcome outcome = finish(new PipelineWatcher(scheduler, clock).watch(client, saved, options,
                new RecordingListener()));
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(sim.journal().count("POST", APPROVE)).isEqualTo(1);
    }

    private static Throwable catchCause(WatchHandle handle) {
        try {
            handle.outcome().join();
            throw new AssertionError("the wait did not fail");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
