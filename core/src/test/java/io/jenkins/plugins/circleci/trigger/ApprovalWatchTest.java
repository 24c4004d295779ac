package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.approval;
import static io.jenkins.plugins.circleci.trigger.Fixtures.job;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.error.BadRequestException;
import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Approving through the watcher against an in-memory CircleCI that can lag: a job approved but still listed on hold
 * must never be approved twice, not even by a wait resumed from its saved state.
 */
class ApprovalWatchTest {
    private final ManualClock clock = new ManualClock(T0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, false,
            RandomGenerator.of("L64X128MixRandom"));
    private final FakeCircleCi circleci = new FakeCircleCi();
    private final RecordingListener listener = new RecordingListener();
    private final WatchOptions options = WatchOptions.builder().timeout(Duration.ofHours(1))
            .approve(List.of("hold")).build();

    private WatchHandle watch(PipelineWatcher w, WatchState s, RecordingListener l) {
        return w.watch(circleci, s, options, l);
    }

    private WatchState fresh() {
        return WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), T0, options);
    }

    private Outcome finish(WatchHandle handle) {
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(2))).as("the wait ended")
                .isTrue();
        return handle.outcome().join();
    }

    /** CircleCI accepted the approval but keeps listing the job on hold for a while. */
    private void lagging() {
        circleci.workflows(workflow("w1", "deploy", "on_hold").build()).jobs("w1", approval("hold", "on_hold"));
    }

    @Test
    void aJobStillListedOnHoldAfterItsApprovalIsNotApprovedAgain() {
        lagging();
        WatchHandle handle = watch(watcher, fresh(), listener);
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(circleci.approved).containsExactly("w1/approval-hold");
        assertThat(handle.outcome()).isNotDone();

        circleci.workflows(workflow("w1", "deploy", "success").build())
                .jobs("w1", approval("hold", "success"), job("ship", 7, "success"));
        assertThat(finish(handle).result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(circleci.approved).hasSize(1);
    }

    @Test
    void aResumedWaitDoesNotApproveWhatItsSavedStateSaysWasApproved() {
        lagging();
        watch(watcher, fresh(), listener);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(circleci.approved).hasSize(1);
        byte[] saved = Serialization.save(listener.lastState());
        watcher.close();

        PipelineWatcher restarted = new PipelineWatcher(scheduler, clock);
        WatchHandle second = watch(restarted, Serialization.load(saved), new RecordingListener());
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(circleci.approved).hasSize(1);
        circleci.workflows(workflow("w1", "deploy", "success").build()).jobs("w1", approval("hold", "success"));
        assertThat(finish(second).result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(circleci.approved).hasSize(1);
    }

    @Test
    void theApprovalIsSavedBeforeAnythingLaterInThePollCanFail() {
        lagging();
        watch(watcher, fresh(), listener);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(listener.states).anySatisfy(s -> assertThat(s.approved()).containsExactly("approval-hold"));
    }

    @Test
    void aRefusalForAJobApprovedMeanwhileIsNotAnError() {
        circleci.workflows(workflow("w1", "deploy", "on_hold").build()).jobs("w1", approval("hold", "success"))
                .failApprove(new BadRequestException("Approval job is not on hold.", "", 400, "", "POST", "/x"));
        // The first listing shows it on hold; by the time CircleCI refuses, it lists it approved.
        circleci.jobs("w1", approval("hold", "on_hold"));
        circleci.onApprove(() -> circleci.jobs("w1", approval("hold", "success")));
        WatchHandle handle = watch(watcher, fresh(), listener);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(handle.outcome()).isNotDone();
        assertThat(listener.lines()).contains("hold in workflow deploy was approved meanwhile (success); not "
                + "approving it again");
        circleci.workflows(workflow("w1", "deploy", "success").build());
        assertThat(finish(handle).result()).isEqualTo(BuildResult.SUCCESS);
    }

    @Test
    void aRefusalForAJobStillOnHoldEndsTheWaitWithTheJobsName() {
        lagging();
        circleci.failApprove(new ForbiddenException("Forbidden.", "", 403, "", "POST", "/x"));
        WatchHandle handle = watch(watcher, fresh(), listener);
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofMinutes(1))).isTrue();
        assertThat(handle.outcome()).isCompletedExceptionally();
        try {
            handle.outcome().join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageContaining("job hold of workflow deploy");
        }
    }

    @Test
    void aPassingFailureOfTheApprovalIsRetriedByTheNextPoll() {
        lagging();
        circleci.failApprove(new ServerErrorException("CircleCI answered 502.", "", 502, "", "POST", "/x"));
        WatchHandle handle = watch(watcher, fresh(), listener);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(handle.outcome()).isNotDone();
        assertThat(circleci.approved).isEmpty();
        circleci.failApprove(null);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(circleci.approved).containsExactly("w1/approval-hold");
    }
}
