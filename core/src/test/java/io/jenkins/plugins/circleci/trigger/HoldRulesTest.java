package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.approval;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.trigger.Assessment.Done;
import io.jenkins.plugins.circleci.trigger.Assessment.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link CompletionRule} on counted workflows on hold: the policies, the hold timeout, jobs this wait approved. */
class HoldRulesTest {
    private static final List<String> OTHER_STATUSES = List.of("running", "success", "failed", "canceled",
            "not_run", "error", "on_hold");

    private WatchState state = WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null),
            T0, WatchOptions.defaults());

    private Assessment assess(WatchOptions options, Instant now, HeldJobs held, Workflow... workflows) {
        Observation look = new Observation("created", List.of(), List.of(workflows));
        Assessment a = CompletionRule.assess(look, state, options, now, Links.of(Fixtures.URLS, state), held);
        state = state.withProgress(Map.of(), a.graceStarts(), Set.of());
        return a;
    }

    private static HeldJobs held(String workflowId, Job... jobs) {
        return new HeldJobs(Map.of(workflowId, List.of(jobs)));
    }

    @Test
    void noPolicyButSucceedEverReadsASuccessIntoAHold() {
        for (OnHoldPolicy policy : OnHoldPolicy.values()) {
            for (String other : OTHER_STATUSES) {
                for (boolean listed : new boolean[] {false, true}) {
                    WatchOptions options = WatchOptions.builder().onHold(policy).build();
                    HeldJobs held = listed ? held("w1", approval("hold", "on_hold")) : HeldJobs.none();
                    Assessment a = assess(options, T0, held, workflow("w1", "deploy", "on_hold").build(),
                            workflow("w2", "build", other).build());
                    if (a instanceof Done d && d.result() == BuildResult.SUCCESS) {
                        assertThat(policy).as("a hold read as SUCCESS beside %s", other)
                                .isEqualTo(OnHoldPolicy.SUCCEED);
                    }
                }
            }
        }
    }

    @Test
    void unstableEndsAtOnceAsUnstableNamingTheApprovalJobAndLink() {
        WatchOptions options = WatchOptions.builder().onHold(OnHoldPolicy.UNSTABLE).build();
        Done d = (Done) assess(options, T0, held("w1", approval("hold", "on_hold")),
                workflow("w1", "deploy", "on_hold").build(), workflow("w2", "build", "success").build());
        assertThat(d.result()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(d.reason()).isEqualTo(OutcomeReason.ON_HOLD);
        assertThat(d.message()).startsWith("Workflow deploy is on hold, waiting for approval of hold "
                + "(https://app.circleci.com/pipelines/github/acme/api/42/workflows/w1). The on-hold policy is "
                + "unstable");
        assertThat(d.remarks()).extracting(Assessment.Remark::kind).containsExactly(Assessment.Remark.Kind.ON_HOLD);
    }

    @Test
    void unstableGivesWayToAWorseResult() {
        WatchOptions options = WatchOptions.builder().onHold(OnHoldPolicy.UNSTABLE).build();
        Done d = (Done) assess(options, T0, HeldJobs.none(), workflow("w2", "build", "failed").build(),
                workflow("w1", "deploy", "on_hold").build());
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void theHoldTimeoutCountsFromTheFirstLookThatSawTheHold() {
        WatchOptions options = WatchOptions.builder().holdTimeout(Duration.ofMinutes(30)).build();
        Instant firstSeen = T0.plus(Duration.ofMinutes(10));
        assess(options, T0, HeldJobs.none(), workflow("w1", "deploy", "running").build());
        Waiting w = (Waiting) assess(options, firstSeen, HeldJobs.none(), workflow("w1", "deploy", "on_hold").build());
        assertThat(w.graceStarts()).containsEntry(CompletionRule.HOLD_TIMER + "w1", firstSeen);
        assertThat(assess(options, firstSeen.plus(Duration.ofMinutes(29)), HeldJobs.none(),
                workflow("w1", "deploy", "on_hold").build())).isInstanceOf(Waiting.class);
        Done d = (Done) assess(options, firstSeen.plus(Duration.ofMinutes(30)), held("w1", approval("hold", "on_hold")),
                workflow("w1", "deploy", "on_hold").build());
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.reason()).isEqualTo(OutcomeReason.HOLD_TIMED_OUT);
        assertThat(d.message()).startsWith("Workflow deploy waited for approval of hold longer than the hold "
                + "timeout, 30m00s (https://app.circleci.com/");
    }

    @Test
    void aHoldThatEndsStopsItsTimerAndANewHoldStartsAfresh() {
        WatchOptions options = WatchOptions.builder().holdTimeout(Duration.ofMinutes(30)).build();
        assess(options, T0, HeldJobs.none(), workflow("w1", "deploy", "on_hold").build());
        Waiting running = (Waiting) assess(options, T0.plus(Duration.ofMinutes(20)), HeldJobs.none(),
                workflow("w1", "deploy", "running").build());
        assertThat(running.graceStarts()).doesNotContainKey(CompletionRule.HOLD_TIMER + "w1");
        assertThat(assess(options, T0.plus(Duration.ofMinutes(40)), HeldJobs.none(),
                workflow("w1", "deploy", "on_hold").build())).isInstanceOf(Waiting.class);
    }

    @Test
    void aWorkflowStillOnHoldAfterThisWaitApprovedItIsAwaitedNotJudged() {
        state = state.withApproved("approval-hold");
        for (OnHoldPolicy policy : OnHoldPolicy.values()) {
            Waiting w = (Waiting) assess(WatchOptions.builder().onHold(policy).build(), T0,
                    held("w1", approval("hold", "on_hold")), workflow("w1", "deploy", "on_hold").build(),
                    workflow("w2", "build", "success").build());
            assertThat(w.pending()).containsExactly("deploy (approved, resuming)");
            assertThat(w.remarks()).isEmpty();
        }
    }

    @Test
    void aSecondApprovalJobNotApprovedByThisWaitIsAHoldAgain() {
        state = state.withApproved("approval-first");
        Done d = (Done) assess(WatchOptions.builder().onHold(OnHoldPolicy.FAIL).build(), T0,
                held("w1", approval("first", "success"), approval("second", "on_hold")),
                workflow("w1", "deploy", "on_hold").build());
        assertThat(d.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(d.message()).contains("waiting for approval of second");
    }
}
