package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.trigger.Assessment.Done;
import io.jenkins.plugins.circleci.trigger.Assessment.Remark;
import io.jenkins.plugins.circleci.trigger.Assessment.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompletionRuleTest {
    private static final WatchOptions DEFAULTS = WatchOptions.defaults();

    private WatchState state = WatchState.forTriggered(
            new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), T0, DEFAULTS);

    private Assessment assess(WatchOptions options, Instant now, Workflow... workflows) {
        return assess("created", options, now, workflows);
    }

    private Assessment assess(String pipelineState, WatchOptions options, Instant now, Workflow... workflows) {
        Observation look = new Observation(pipelineState, List.of(), List.of(workflows));
        Assessment a = CompletionRule.assess(look, state, options, now, Links.of(Fixtures.URLS, state));
        // Carry the grace periods forward as the watcher does between polls.
        state = state.withProgress(Map.of(), a.graceStarts(), Set.of());
        return a;
    }

    private static Done done(Assessment a) {
        assertThat(a).isInstanceOf(Done.class);
        return (Done) a;
    }

    private static Waiting waiting(Assessment a) {
        assertThat(a).isInstanceOf(Waiting.class);
        return (Waiting) a;
    }

    @Test
    void allWorkflowsSucceededCompletesWithSuccessAndLinks() {
        Done d = done(assess(DEFAULTS, T0, workflow("w1", "build", "success").build(),
                workflow("w2", "test", "success").build()));
        assertThat(d.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(d.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(d.workflows()).extracting(WorkflowSummary::name).containsExactly("build", "test");
        assertThat(d.workflows().get(0).url())
                .isEqualTo("https://app.circleci.com/pipelines/github/acme/api/42/workflows/w1");
    }

    @Test
    void theWorstResultWinsInJenkinsOrder() {
        assertThat(done(assess(DEFAULTS, T0, workflow("w1", "build", "success").build(),
                workflow("w2", "test", "failed").build())).result()).isEqualTo(BuildResult.FAILURE);
        assertThat(done(assess(DEFAULTS, T0, workflow("w1", "build", "failed").build(),
                workflow("w2", "test", "canceled").build())).result()).isEqualTo(BuildResult.ABORTED);
        assertThat(done(assess(DEFAULTS, T0, workflow("w1", "build", "success").build(),
                workflow("w2", "test", "not_run").build())).result()).isEqualTo(BuildResult.NOT_BUILT);
    }

    @Test
    void aUserMappingOverridesTheDefaults() {
        WatchOptions options = DEFAULTS.toBuilder()
                .resultMapping(ResultMapping.defaults().withOverrides(Map.of("failed", "UNSTABLE"))).build();
        assertThat(done(assess(options, T0, workflow("w1", "build", "success").build(),
                workflow("w2", "flaky", "failed").build())).result()).isEqualTo(BuildResult.UNSTABLE);
    }

    @Test
    void aRunningOrFailingWorkflowKeepsItWaiting() {
        Waiting w = waiting(assess(DEFAULTS, T0, workflow("w1", "build", "success").build(),
                workflow("w2", "test", "failing").build()));
        assertThat(w.pending()).containsExactly("test (failing)");
    }

    @Test
    void anErroredPipelineFailsWithItsErrors() {
        Observation look = new Observation("errored", List.of("config: unknown key 'jobz'"), List.of());
        Done d = done(CompletionRule.assess(look, state, DEFAULTS, T0, Links.of(Fixtures.URLS, state)));
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.reason()).isEqualTo(OutcomeReason.ERRORED);
        assertThat(d.errors()).containsExactly("config: unknown key 'jobz'");
        assertThat(d.message()).contains("#42 errored").contains("unknown key 'jobz'");
    }

    @Test
    void noWorkflowsWaitsForTheGraceThenEndsNotBuilt() {
        Waiting first = waiting(assess(DEFAULTS, T0));
        assertThat(first.graceStarts()).containsEntry(CompletionRule.NO_WORKFLOWS, T0);
        waiting(assess(DEFAULTS, T0.plus(Duration.ofMillis(9_999))));
        Done d = done(assess(DEFAULTS, T0.plus(Duration.ofSeconds(10))));
        assertThat(d.result()).isEqualTo(BuildResult.NOT_BUILT);
        assertThat(d.reason()).isEqualTo(OutcomeReason.NO_WORKFLOWS);
        assertThat(d.message()).contains("created no workflows within 10s");
    }

    @Test
    void aPipelineStillBeingSetUpIsNeverNotBuilt() {
        // A backlogged CircleCI can keep a pipeline pending for longer than the no-workflows grace.
        for (String pending : List.of("setup-pending", "setup", "pending")) {
            Waiting w = waiting(assess(pending, DEFAULTS, T0.plus(Duration.ofHours(1))));
            assertThat(w.pending()).containsExactly("the pipeline to be created (" + pending + ")");
            assertThat(w.graceStarts()).doesNotContainKey(CompletionRule.NO_WORKFLOWS);
        }
        Waiting created = waiting(assess(DEFAULTS, T0.plus(Duration.ofHours(2))));
        assertThat(created.graceStarts()).containsEntry(CompletionRule.NO_WORKFLOWS, T0.plus(Duration.ofHours(2)));
    }

    @Test
    void workflowsAppearingEndTheNoWorkflowsGrace() {
        waiting(assess(DEFAULTS, T0));
        Waiting w = waiting(assess(DEFAULTS, T0.plusSeconds(10), workflow("w1", "build", "running").build()));
        assertThat(w.graceStarts()).doesNotContainKey(CompletionRule.NO_WORKFLOWS);
    }

    @Test
    void aRunningSetupWorkflowKeepsItWaiting() {
        Waiting w = waiting(assess("setup", DEFAULTS, T0, workflow("s", "setup", "running").setup().build()));
        assertThat(w.pending()).containsExactly("setup workflow setup (running)");
    }

    @Test
    void aSucceededSetupWaitsForItsContinuationWithANotice() {
        Workflow setup = workflow("s", "setup", "success").setup().build();
        Waiting w = waiting(assess(DEFAULTS, T0, setup));
        assertThat(w.remarks()).extracting(Remark::text)
                .containsExactly("setup workflow setup succeeded; waiting up to 10m00s for its continuation");
        assertThat(w.graceStarts()).containsEntry(CompletionRule.CONTINUATION, T0);
    }

    @Test
    void theContinuationIsFollowedToItsEnd() {
        Workflow setup = workflow("s", "setup", "success").setup().build();
        waiting(assess(DEFAULTS, T0, setup));
        waiting(assess(DEFAULTS, T0.plusSeconds(30), setup,
                workflow("w1", "build", "running").createdAt(T0.plusSeconds(20)).build()));
        Done d = done(assess(DEFAULTS, T0.plusSeconds(90), setup,
                workflow("w1", "build", "failed").createdAt(T0.plusSeconds(20)).build()));
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.reason()).isEqualTo(OutcomeReason.COMPLETED);
    }

    @Test
    void aSetupWithoutContinuationEndsNotBuiltAfterTheGraceUnlessTheFilterNamesIt() {
        Workflow setup = workflow("s", "setup", "success").setup().build();
        waiting(assess(DEFAULTS, T0, setup));
        Done d = done(assess(DEFAULTS, T0.plus(Duration.ofMinutes(10)), setup));
        assertThat(d.result()).isEqualTo(BuildResult.NOT_BUILT);
        assertThat(d.reason()).isEqualTo(OutcomeReason.NO_WORKFLOWS);
        assertThat(d.message()).contains("no continuation appeared within 10m00s");

        state = WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), T0, DEFAULTS);
        WatchOptions namesSetup = DEFAULTS.toBuilder().workflows(List.of("setup")).build();
        waiting(assess(namesSetup, T0, setup));
        Done counted = done(assess(namesSetup, T0.plus(Duration.ofMinutes(10)), setup));
        assertThat(counted.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(counted.reason()).isEqualTo(OutcomeReason.COMPLETED);
    }

    @Test
    void aFailedSetupEndsTheWaitAsFailure() {
        Done d = done(assess(DEFAULTS, T0, workflow("s", "setup", "failed").setup().build()));
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.message()).contains("Setup workflow setup ended failed");
    }

    @Test
    void aFailedWorkflowWithAutomaticRerunsLeftWaitsForTheRerunWhichSupersedesIt() {
        Workflow failed = workflow("w1", "build", "failed").autoReruns(null, 2).build();
        Waiting w = waiting(assess(DEFAULTS, T0, failed));
        assertThat(w.pending()).containsExactly("the automatic rerun of build");
        assertThat(w.remarks()).extracting(Remark::text)
                .containsExactly("workflow build failed; waiting up to 5m00s for automatic rerun 1 of 2");

        Workflow rerun = workflow("w2", "build", "running").createdAt(T0.plusSeconds(70)).autoReruns(1, 2).build();
        waiting(assess(DEFAULTS, T0.plusSeconds(80), failed, rerun));
        Workflow rerunOk = workflow("w2", "build", "success").createdAt(T0.plusSeconds(70)).autoReruns(1, 2).build();
        Done d = done(assess(DEFAULTS, T0.plusSeconds(200), failed, rerunOk));
        assertThat(d.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(d.workflows()).extracting(WorkflowSummary::id).containsExactly("w2");
    }

    @Test
    void aRerunThatNeverComesLeavesTheFailureAfterTheGrace() {
        Workflow failed = workflow("w1", "build", "failed").autoReruns(null, 1).build();
        waiting(assess(DEFAULTS, T0, failed));
        Done d = done(assess(DEFAULTS, T0.plus(Duration.ofMinutes(5)), failed));
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void theLastAutomaticRerunFailingEndsTheWait() {
        Done d = done(assess(DEFAULTS, T0, workflow("w1", "build", "failed").autoReruns(null, 1).build(),
                workflow("w2", "build", "failed").createdAt(T0.plusSeconds(70)).autoReruns(1, 1).build()));
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.workflows()).extracting(WorkflowSummary::id).containsExactly("w2");
    }

    @Test
    void aManualRerunIsFollowedAndSupersedes() {
        Workflow failed = workflow("w1", "build", "failed").build();
        Waiting w = waiting(assess(DEFAULTS, T0, failed,
                workflow("w2", "build", "running").createdAt(T0.plusSeconds(120)).build()));
        assertThat(w.pending()).containsExactly("build (running)");
        Done d = done(assess(DEFAULTS, T0.plusSeconds(300), failed,
                workflow("w2", "build", "success").createdAt(T0.plusSeconds(120)).build()));
        assertThat(d.result()).isEqualTo(BuildResult.SUCCESS);
    }

    @Test
    void onlyFilteredWorkflowsCount() {
        WatchOptions options = DEFAULTS.toBuilder().workflows(List.of("build")).build();
        Done d = done(assess(options, T0, workflow("w1", "build", "success").build(),
                workflow("w2", "nightly", "running").build(), workflow("w3", "lint", "failed").build()));
        assertThat(d.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(d.workflows()).extracting(WorkflowSummary::name).containsExactly("build");
    }

    @Test
    void aFilteredWorkflowThatNeverAppearsEndsNoWorkflowsNamingWhatDid() {
        WatchOptions options = DEFAULTS.toBuilder().workflows(List.of("build", "deploy")).build();
        Workflow build = workflow("w1", "build", "success").build();
        Waiting w = waiting(assess(options, T0, build, workflow("w2", "lint", "success").build()));
        assertThat(w.pending()).containsExactly("workflows deploy to appear");
        Done d = done(assess(options, T0.plus(Duration.ofMinutes(2)), build,
                workflow("w2", "lint", "success").build()));
        assertThat(d.result()).isEqualTo(BuildResult.NOT_BUILT);
        assertThat(d.reason()).isEqualTo(OutcomeReason.NO_WORKFLOWS);
        assertThat(d.message()).contains("Workflows deploy did not appear").contains("it has: build, lint");
    }

    @Test
    void aMissingFilteredWorkflowStillWaitsForThePresentOnesToFinish() {
        WatchOptions options = DEFAULTS.toBuilder().workflows(List.of("build", "deploy")).build();
        waiting(assess(options, T0, workflow("w1", "build", "running").build()));
        Waiting w = waiting(assess(options, T0.plus(Duration.ofMinutes(3)), workflow("w1", "build", "running").build()));
        assertThat(w.pending()).containsExactly("build (running)");
    }

    @Test
    void anUnknownStatusWithoutStopTimeIsStillRunningWithOneWarning() {
        Waiting w = waiting(assess(DEFAULTS, T0, workflow("w1", "build", "paused-for-quota").build()));
        assertThat(w.pending()).containsExactly("build (paused-for-quota)");
        assertThat(w.remarks()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Remark.Kind.WARNING);
            assertThat(r.text()).contains("'paused-for-quota'").contains("waiting until it stops");
        });
    }

    @Test
    void anUnknownStatusThatStoppedIsFailureNeverSuccess() {
        Done d = done(assess(DEFAULTS, T0, workflow("w1", "build", "success").build(),
                workflow("w2", "test", "succeeded-mostly").stoppedAt(T0.plusSeconds(30)).build()));
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.remarks()).extracting(Remark::text)
                .containsExactly("workflow test stopped with status 'succeeded-mostly', unknown to this version; "
                        + "counted as FAILURE");
    }

    @Test
    void anUnknownStatusCanBeMappedByTheUser() {
        WatchOptions options = DEFAULTS.toBuilder()
                .resultMapping(ResultMapping.defaults().with("succeeded-mostly", BuildResult.UNSTABLE)).build();
        assertThat(done(assess(options, T0, workflow("w2", "test", "succeeded-mostly")
                .stoppedAt(T0.plusSeconds(30)).build())).result()).isEqualTo(BuildResult.UNSTABLE);
    }

    @Test
    void onHoldWaitsByDefaultAndAsksToAnnounceTheApproval() {
        Waiting w = waiting(assess(DEFAULTS, T0, workflow("w1", "deploy", "on_hold").build()));
        assertThat(w.pending()).containsExactly("deploy (on_hold)");
        assertThat(w.remarks()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Remark.Kind.ON_HOLD);
            assertThat(r.workflowId()).isEqualTo("w1");
        });
    }

    @Test
    void onHoldWithPolicyFailEndsAsFailureAtOnce() {
        WatchOptions options = DEFAULTS.toBuilder().onHold(OnHoldPolicy.FAIL).build();
        Done d = done(assess(options, T0, workflow("w1", "deploy", "on_hold").build(),
                workflow("w2", "build", "running").build()));
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.reason()).isEqualTo(OutcomeReason.ON_HOLD);
    }

    @Test
    void onHoldWithPolicySucceedCountsAsSuccessOnceNothingElseRuns() {
        WatchOptions options = DEFAULTS.toBuilder().onHold(OnHoldPolicy.SUCCEED).build();
        waiting(assess(options, T0, workflow("w1", "deploy", "on_hold").build(),
                workflow("w2", "build", "running").build()));
        Done d = done(assess(options, T0.plusSeconds(60), workflow("w1", "deploy", "on_hold").build(),
                workflow("w2", "build", "success").build()));
        assertThat(d.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(d.reason()).isEqualTo(OutcomeReason.ON_HOLD);
        Done failing = done(assess(options, T0.plusSeconds(60), workflow("w1", "deploy", "on_hold").build(),
                workflow("w2", "build", "failed").build()));
        assertThat(failing.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void theDeadlineEndsAWaitAsTimedOutNamingWhatWasAwaited() {
        Instant deadline = state.deadline();
        Done d = done(assess(DEFAULTS, deadline, workflow("w1", "build", "running").build(),
                workflow("w2", "deploy", "on_hold").build()));
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(d.message()).isEqualTo("Timed out after 24h00m waiting for CircleCI pipeline #42; still waiting "
                + "for build (running), deploy (on_hold).");
    }

    @Test
    void aFinishedPipelineAtTheDeadlineCompletesRatherThanTimingOut() {
        Done d = done(assess(DEFAULTS, state.deadline(), workflow("w1", "build", "success").build()));
        assertThat(d.reason()).isEqualTo(OutcomeReason.COMPLETED);
    }

    private static Observation seen(String pipelineState, Workflow... workflows) {
        return new Observation(pipelineState, List.of(), List.of(workflows));
    }

    @Test
    void aPipelineGivenUpMayStillStartWorkflowsUntilCreatedWithWorkflowsAndNothingDue() {
        assertThat(CompletionRule.mayStartMore(seen("setup-pending"))).isTrue();
        assertThat(CompletionRule.mayStartMore(seen("pending", workflow("w1", "build", "canceled").build()))).isTrue();
        assertThat(CompletionRule.mayStartMore(seen("created"))).as("created, none listed yet").isTrue();
        assertThat(CompletionRule.mayStartMore(seen("created", workflow("s", "setup", "success").setup().build())))
                .as("continuation due").isTrue();
        assertThat(CompletionRule.mayStartMore(seen("created", workflow("s", "setup", "canceled").setup().build())))
                .as("a canceled setup continues nothing").isFalse();
        assertThat(CompletionRule.mayStartMore(seen("created",
                workflow("w1", "build", "failed").autoReruns(null, 1).build()))).as("rerun due").isTrue();
        assertThat(CompletionRule.mayStartMore(seen("created",
                workflow("w1", "build", "failed").autoReruns(1, 1).build()))).as("reruns used up").isFalse();
        assertThat(CompletionRule.mayStartMore(seen("errored"))).isFalse();
    }

    @Test
    void nothingIsLeftToCancelOnlyWhenEveryWorkflowIsTerminalAndNothingMoreMayStart() {
        assertThat(CompletionRule.nothingLeftToCancel(seen("created", workflow("w1", "build", "canceled").build(),
                workflow("w2", "lint", "success").build()))).isTrue();
        assertThat(CompletionRule.nothingLeftToCancel(seen("created", workflow("w1", "build", "canceled").build(),
                workflow("w2", "lint", "on_hold").build()))).isFalse();
        assertThat(CompletionRule.nothingLeftToCancel(seen("pending"))).isFalse();
        assertThat(CompletionRule.nothingLeftToCancel(seen("errored"))).isTrue();
    }
}
