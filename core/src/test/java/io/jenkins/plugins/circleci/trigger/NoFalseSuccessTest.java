package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.approval;
import static io.jenkins.plugins.circleci.trigger.Fixtures.job;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sequences of CircleCI answers that once made a wait report a result better than the truth, or wait a day for a
 * pipeline that was over: a workflow that drops out of a later list, a setup workflow named beside workflows its
 * continuation never started, a timeout that hid a failure, and a {@code failing} workflow that only waits for an
 * approval.
 */
class NoFalseSuccessTest {
    private final ManualClock clock = new ManualClock(T0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, false,
            RandomGenerator.of("L64X128MixRandom"));
    private final FakeCircleCi circleci = new FakeCircleCi();
    private final RecordingListener listener = new RecordingListener();

    private WatchHandle watch(WatchOptions options) {
        WatchState fresh = WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), T0,
                options);
        return watcher.watch(circleci, fresh, options, listener);
    }

    private Outcome finish(WatchHandle handle, Duration within) {
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), within)).as("the wait ended").isTrue();
        return handle.outcome().join();
    }

    // ---- a workflow seen earlier and missing from a later list

    @Test
    void aWorkflowMissingFromALaterListIsRetriedNeverJudgedWithoutIt() {
        WatchHandle handle = watch(WatchOptions.builder().timeout(Duration.ofHours(1)).build());
        circleci.workflows(workflow("a", "build", "running").build(), workflow("b", "deploy", "running").build());
        scheduler.advance(Duration.ofSeconds(30));
        // A lagging replica, or a first page whose next_page_token was lost: deploy is not in the list.
        circleci.workflows(workflow("a", "build", "success").build());
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(handle.outcome()).as("build's success alone is no verdict").isNotDone();

        circleci.workflows(workflow("a", "build", "success").build(), workflow("b", "deploy", "failed").build());
        Outcome outcome = finish(handle, Duration.ofMinutes(5));
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.workflows()).extracting(WorkflowSummary::name).containsExactly("build", "deploy");
    }

    @Test
    void aListThatStaysShortEndsTheWaitAsAnOutageNotAsASuccess() {
        WatchHandle handle = watch(WatchOptions.builder().timeout(Duration.ofHours(2))
                .outagePatience(Duration.ofMinutes(5)).build());
        circleci.workflows(workflow("a", "build", "running").build(), workflow("b", "deploy", "running").build());
        scheduler.advance(Duration.ofSeconds(30));
        circleci.workflows(workflow("a", "build", "success").build());

        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(1))).isTrue();
        assertThat(handle.outcome()).isCompletedExceptionally();
        assertThat(handle.outcome().handle((o, e) -> e instanceof CompletionException c ? c.getCause() : e).join())
                .isInstanceOf(CircleCiUnreachableException.class)
                .hasMessageContaining("lacks workflow b, which an earlier list showed");
    }

    @Test
    void aWorkflowWithoutACreationTimeIsRetriedBecauseItCouldBeTheNewestRunOfItsName() {
        WatchHandle handle = watch(WatchOptions.builder().timeout(Duration.ofHours(1)).build());
        // Two runs of build: without created_at nothing tells whether the success or the failure is the newer.
        circleci.workflows(workflow("a", "build", "success").build(),
                workflow("b", "build", "failed").createdAt(null).build());
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(handle.outcome()).as("never judged on a guess").isNotDone();

        circleci.workflows(workflow("a", "build", "success").build(),
                workflow("b", "build", "failed").createdAt(T0.plusSeconds(60)).build());
        assertThat(finish(handle, Duration.ofMinutes(5)).result()).isEqualTo(BuildResult.FAILURE);
    }

    // ---- the setup workflow named beside workflows that never ran

    @Test
    void aFilterNamingTheSetupWorkflowAndAnotherIsNotMetByTheSetupAlone() {
        WatchHandle handle = watch(WatchOptions.builder().workflows(List.of("setup", "deploy")).build());
        circleci.pipelineState("created").workflows(workflow("s", "setup", "success").setup().build());

        Outcome outcome = finish(handle, Duration.ofMinutes(15));
        assertThat(outcome.result()).isEqualTo(BuildResult.NOT_BUILT);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.NO_WORKFLOWS);
        assertThat(outcome.message()).contains("workflows deploy, which the workflow filter names, never ran");
    }

    // ---- a timeout's result never better than a workflow that already ended

    @Test
    void anUnstableTimeoutKeepsTheFailureOfAWorkflowThatEndedBeforeTheDeadline() {
        WatchHandle handle = watch(WatchOptions.builder().timeout(Duration.ofMinutes(30))
                .onTimeout(TimeoutPolicy.UNSTABLE).build());
        circleci.workflows(workflow("t", "test", "failed").build(), workflow("d", "deploy", "running").build());

        Outcome outcome = finish(handle, Duration.ofHours(1));
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void anUnstableTimeoutWithNothingEndedBadlyStaysUnstable() {
        WatchHandle handle = watch(WatchOptions.builder().timeout(Duration.ofMinutes(30))
                .onTimeout(TimeoutPolicy.UNSTABLE).build());
        circleci.workflows(workflow("t", "test", "success").build(), workflow("d", "deploy", "running").build());

        Outcome outcome = finish(handle, Duration.ofHours(1));
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(outcome.result()).isEqualTo(BuildResult.UNSTABLE);
    }

    // ---- a failing workflow that only waits for an approval

    /** lint failed beside package; hold (an approval after package) waits; deploy is blocked behind it. */
    private void failingAtApproval() {
        circleci.workflows(workflow("w", "deploy", "failing").build()).jobs("w", job("build", 1, "success"),
                job("lint", 2, "failed"), job("package", 3, "success"), approval("hold", "on_hold"),
                job("ship", 4, "blocked"));
    }

    @ParameterizedTest
    @EnumSource(value = OnHoldPolicy.class, names = {"FAIL", "UNSTABLE", "SUCCEED"})
    void aFailingWorkflowStoppedAtAnApprovalEndsAsAFailureUnderEveryPolicyThatDoesNotWait(OnHoldPolicy policy) {
        WatchHandle handle = watch(WatchOptions.builder().onHold(policy).build());
        failingAtApproval();

        Outcome outcome = finish(handle, Duration.ofMinutes(5));
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ON_HOLD);
        assertThat(listener.lines()).anyMatch(t -> t.contains("deploy is failing and waits for approval of hold"));
    }

    @Test
    void withTheDefaultPolicyAFailingWorkflowAtAnApprovalIsAHoldTheHoldTimeoutEnds() {
        WatchHandle handle = watch(WatchOptions.builder().holdTimeout(Duration.ofMinutes(20)).build());
        failingAtApproval();

        Outcome outcome = finish(handle, Duration.ofHours(1));
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.HOLD_TIMED_OUT);
        assertThat(outcome.message()).contains("deploy is failing and waited for approval of hold longer than the "
                + "hold timeout");
        assertThat(clock.instant()).isBefore(T0.plus(Duration.ofMinutes(25)));
    }

    @Test
    void aFailingWorkflowIsNeverApprovedEvenWhenApproveNamesItsJob() {
        WatchHandle handle = watch(WatchOptions.builder().approve(List.of("hold")).holdTimeout(Duration.ofMinutes(5))
                .build());
        failingAtApproval();

        Outcome outcome = finish(handle, Duration.ofMinutes(30));
        assertThat(circleci.approved).as("approving would start what follows a failure").isEmpty();
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(listener.lines()).anyMatch(t -> t.contains("not approving hold in workflow deploy: a job in it "
                + "already failed"));
    }

    @Test
    void aRefusedJobListOfAFailingWorkflowIsAWarningEvenWhenApproveNamesJobs() {
        WatchHandle handle = watch(WatchOptions.builder().approve(List.of("hold")).build());
        circleci.workflows(workflow("w", "deploy", "failing").build());
        circleci.failListJobs(new ForbiddenException("Forbidden.", "", 403, "Forbidden", "GET", "/workflow/w/job"));
        scheduler.advance(Duration.ofMinutes(3));
        assertThat(handle.outcome()).as("a job list refused for a workflow nobody approves ends nothing").isNotDone();
        assertThat(listener.lines()).anyMatch(l -> l.contains("could not list the jobs of workflow deploy"));

        circleci.failListJobs(null).workflows(workflow("w", "deploy", "failed").build());
        assertThat(finish(handle, Duration.ofMinutes(2)).result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void aFailingWorkflowWhoseOtherJobsStillRunIsWaitedForAndCostsNoJobListsInItsFirstMinute() {
        WatchHandle handle = watch(WatchOptions.builder().onHold(OnHoldPolicy.FAIL).build());
        circleci.workflows(workflow("w", "deploy", "failing").build()).jobs("w", job("lint", 2, "failed"),
                job("package", 3, "running"), approval("hold", "blocked"));
        scheduler.advance(Duration.ofSeconds(50));
        assertThat(circleci.calls("listJobs")).as("only the failed jobs' announcement").isLessThanOrEqualTo(1);
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(handle.outcome()).as("package still runs: not a hold").isNotDone();

        circleci.workflows(workflow("w", "deploy", "failed").build()).jobs("w", job("lint", 2, "failed"),
                job("package", 3, "success"), approval("hold", "blocked"));
        Outcome outcome = finish(handle, Duration.ofMinutes(5));
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
    }

    @Test
    void aJobOfUnknownStatusKeepsAFailingWorkflowRunning() {
        List<Job> jobs = List.of(job("lint", 2, "failed"), job("package", 3, "pondering"),
                approval("hold", "on_hold"));
        assertThat(CompletionRule.stoppedAtApproval(jobs)).isFalse();
        assertThat(CompletionRule.stoppedAtApproval(List.of(job("lint", 2, "failed"), approval("hold", "on_hold"),
                job("ship", 4, "blocked")))).isTrue();
        assertThat(CompletionRule.stoppedAtApproval(List.of(job("lint", 2, "failed"), job("package", 3, "queued"),
                approval("hold", "on_hold")))).isFalse();
    }
}
