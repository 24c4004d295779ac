package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.approval;
import static io.jenkins.plugins.circleci.trigger.Fixtures.job;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.error.CircleCiConnectionException;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PipelineWatcherTest {
    private final ManualClock clock = new ManualClock(T0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, false, RandomGenerator.of("L64X128MixRandom"));
    private final FakeCircleCi circleci = new FakeCircleCi();
    private final RecordingListener listener = new RecordingListener();
    private WatchOptions options = WatchOptions.builder().timeout(Duration.ofHours(1)).build();

    private WatchHandle watch() {
        return watch("created");
    }

    /** Waits for a pipeline that CircleCI still sets up: it is {@code pipelineState}, with no workflows yet. */
    private WatchHandle watchWhileSettingUp(String pipelineState) {
        circleci.pipelineState(pipelineState);
        return watch(pipelineState);
    }

    /** Waits for the pipeline as the trigger's answer left it, in {@code pipelineState}. */
    private WatchHandle watch(String pipelineState) {
        return watcher.watch(circleci, WatchState.forTriggered(
                new PipelineSummary(PIPELINE_ID, 42, SLUG, pipelineState, null), clock.instant(), options), options,
                listener);
    }

    private Outcome finish(WatchHandle handle) {
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(2)))
                .as("the wait ended").isTrue();
        return handle.outcome().join();
    }

    private static ServerErrorException serverError() {
        return new ServerErrorException("CircleCI answered 502.", "", 502, "Bad Gateway", "GET", "/pipeline/x");
    }

    @Test
    void aResultMappingNamingAStatusCircleCiDoesNotReportIsWarnedAbout() {
        options = options.toBuilder().resultMapping(ResultMapping.defaults().withOverrides(
                java.util.Map.of("faild", "UNSTABLE", "failed", "UNSTABLE"))).build();
        circleci.workflows(workflow("w1", "build", "failed").stoppedAt(T0.plusSeconds(5)).build());
        Outcome outcome = finish(watch());

        assertThat(listener.events(ProgressEvent.Warning.class)).extracting(ProgressEvent::message).containsExactly(
                "WARNING: the result mapping names faild, which CircleCI is not known to report; check the "
                        + "spelling (it applies only if CircleCI reports exactly that status)");
        assertThat(outcome.result()).isEqualTo(BuildResult.UNSTABLE);
    }

    @Test
    void followsWorkflowsToTheirEndAnnouncingEachChangeWithDurationAndLink() {
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(30));
        circleci.workflows(workflow("w1", "build", "success").stoppedAt(T0.plusSeconds(133)).build());
        Outcome outcome = finish(handle);

        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(outcome.pipeline().url()).isEqualTo("https://app.circleci.com/pipelines/github/acme/api/42");
        assertThat(outcome.workflows()).extracting(WorkflowSummary::status).containsExactly("success");
        assertThat(listener.lines()).containsExactly("workflow build: running (0s)",
                "workflow build: running → success (2m13s)");
        assertThat(listener.events(ProgressEvent.WorkflowStatusChanged.class).get(1).url())
                .contains("https://app.circleci.com/pipelines/github/acme/api/42/workflows/w1");
        assertThat(watcher.activeWatches()).isZero();
    }

    @Test
    void readsThePipelineOnlyUntilItIsCreatedWithWorkflows() {
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(circleci.calls("listWorkflows")).isGreaterThan(5);
        assertThat(circleci.calls("getPipeline")).isEqualTo(1);
        assertThat(circleci.calls("listJobs")).isZero();
        circleci.workflows(workflow("w1", "build", "success").build());
        finish(handle);
    }

    @Test
    void pollsQuicklyAtFirstThenSlowerUntilSomethingChanges() {
        options = WatchOptions.builder().pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(10)).build();
        circleci.workflows(workflow("w1", "build", "running").build());
        watch();
        scheduler.advance(Duration.ofSeconds(10));
        int early = circleci.calls("listWorkflows");
        scheduler.advance(Duration.ofMinutes(10));
        int later = circleci.calls("listWorkflows") - early;
        // Ten seconds at the start see about as many polls as ten minutes of a quiet wait see per 30 s.
        assertThat(early).isGreaterThanOrEqualTo(3);
        assertThat(later).isBetween(60, 80);
    }

    @Test
    void namesTheFailedJobsWithLinksOnce() {
        circleci.workflows(workflow("w1", "build", "failed").build())
                .jobs("w1", job("compile", 7, "success"), job("unit-tests", 8, "failed"), job("lint", 9, "timedout"));
        Outcome outcome = finish(watch());

        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        ProgressEvent.FailedJobs failed = listener.events(ProgressEvent.FailedJobs.class).get(0);
        assertThat(failed.message()).isEqualTo("workflow build failed in: unit-tests (failed) lint (timedout)");
        assertThat(failed.jobs().get(0).link())
                .isEqualTo("https://app.circleci.com/pipelines/github/acme/api/42/workflows/w1/jobs/8");
        assertThat(circleci.calls("listJobs")).isEqualTo(1);
    }

    @Test
    void announcesAnApprovalOnceWithItsJobAndLink() {
        circleci.workflows(workflow("w1", "deploy", "on_hold").build())
                .jobs("w1", job("build", 1, "success"), approval("hold-for-prod", "on_hold"));
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofMinutes(10));
        List<ProgressEvent.Notice> notices = listener.events(ProgressEvent.Notice.class);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.message()).isEqualTo("workflow deploy is on hold, waiting for approval of hold-for-prod");
            assertThat(n.url()).contains("https://app.circleci.com/pipelines/github/acme/api/42/workflows/w1");
        });
        assertThat(circleci.calls("listJobs")).isEqualTo(1);
        assertThat(handle.outcome()).isNotDone();
    }

    @Test
    void anErroredPipelineFailsAndReportsItsErrors() {
        circleci.pipelineState("errored", "Config does not conform to schema");
        Outcome outcome = finish(watch());
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ERRORED);
        assertThat(outcome.errors()).containsExactly("Config does not conform to schema");
        assertThat(listener.lines()).contains("CircleCI pipeline errored: Config does not conform to schema");
        assertThat(circleci.calls("listWorkflows")).isZero();
    }

    @Test
    void nudgingLooksAtOnceAndCoalesces() {
        options = WatchOptions.builder().pollInterval(Duration.ofSeconds(10), Duration.ofSeconds(10)).build();
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(5));
        int before = circleci.calls("listWorkflows");
        circleci.workflows(workflow("w1", "build", "success").build());
        assertThat(watcher.nudge("w1")).isEqualTo(1);
        handle.nudge();
        assertThat(watcher.nudge("some-other-pipeline")).isZero();
        scheduler.advance(Duration.ZERO);
        assertThat(circleci.calls("listWorkflows")).isEqualTo(before + 1);
        assertThat(handle.outcome().join().result()).isEqualTo(BuildResult.SUCCESS);
    }

    @Test
    void aBurstOfNudgesCostsAtMostTwoPolls() {
        options = WatchOptions.builder().pollInterval(Duration.ofSeconds(10), Duration.ofSeconds(10)).build();
        circleci.workflows(workflow("w1", "build", "running").build());
        watch();
        scheduler.advance(Duration.ofSeconds(5));
        int before = circleci.calls("listWorkflows");
        // CircleCI sends job-completed for every job: 50 events within one second.
        for (int i = 0; i < 50; i++) {
            assertThat(watcher.nudge(PIPELINE_ID)).isEqualTo(1);
            scheduler.advance(Duration.ofMillis(20));
        }
        assertThat(circleci.calls("listWorkflows") - before).isBetween(1, 2);
    }

    @Test
    void aNudgedPollWaitsTheGapAfterThePreviousOneButNoLonger() {
        options = WatchOptions.builder().pollInterval(Duration.ofMinutes(1), Duration.ofMinutes(1)).build();
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofMillis(300));
        int before = circleci.calls("listWorkflows");
        handle.nudge();
        scheduler.advance(Duration.ofMillis(600));
        assertThat(circleci.calls("listWorkflows")).as("within the gap").isEqualTo(before);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(circleci.calls("listWorkflows")).as("one second after the first poll").isEqualTo(before + 1);
    }

    @Test
    void aWaitNudgedDuringEveryPollStillLeavesTheGapBetweenPolls() {
        options = WatchOptions.builder().pollInterval(Duration.ofSeconds(10), Duration.ofSeconds(10)).build();
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        circleci.onListWorkflows(handle::nudge);
        // Without a gap each poll's nudge would ask for the next at once, back to back in no time.
        assertThat(scheduler.runUntil(() -> circleci.calls("listWorkflows") > 20, Duration.ofSeconds(10))).isFalse();
        assertThat(circleci.calls("listWorkflows")).isBetween(10, 11);
    }

    @Test
    void holdsOffWhileTheSharedBudgetIsExhausted() {
        circleci.workflows(workflow("w1", "build", "success").build()).budgetWait(Duration.ofSeconds(30));
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(circleci.reads()).isZero();
        circleci.budgetWait(Duration.ZERO);
        assertThat(finish(handle).result()).isEqualTo(BuildResult.SUCCESS);
    }

    @Test
    void aRateLimitPausesTheBudgetForItsRetryAfterAndTheWaitGoesOn() {
        circleci.workflows(workflow("w1", "build", "success").build()).failNext(3,
                () -> new RateLimitedException("Rate limited.", "", "Rate limit exceeded.", "GET", "/pipeline/x",
                        Duration.ofSeconds(40)));
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(100));
        assertThat(circleci.reads()).isEqualTo(3);
        assertThat(circleci.pauses).hasSize(3).allSatisfy(p -> assertThat(p).isAfter(T0));
        assertThat(finish(handle).result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(listener.events(ProgressEvent.Warning.class)).hasSize(1);
    }

    @Test
    void flakyReadsNeverGiveAFalseOutcome() {
        circleci.workflows(workflow("w1", "build", "failed").build()).jobs("w1", job("test", 3, "failed"))
                .failNext(1, PipelineWatcherTest::serverError)
                .failNext(1, () -> new CircleCiConnectionException("Connection reset.", "", "GET", "/x", null))
                .failNext(1, () -> new MalformedResponseException("Not JSON.", "", "GET", "/x", null))
                .failNext(1, PipelineWatcherTest::serverError);
        Outcome outcome = finish(watch());
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
    }

    @Test
    void aWorkflowWithoutStatusIsRetriedNotJudged() {
        Workflow broken = new Workflow("w1", "build", null, T0, null, PIPELINE_ID, 42, SLUG, null, null, null, null,
                null, null);
        circleci.workflows(broken);
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(handle.outcome()).isNotDone();
        assertThat(listener.lines()).containsExactly("WARNING: reading CircleCI failed (CircleCI answered GET "
                + "/pipeline/{id}/workflow with a workflow without an id, name, status or creation time.); retrying");
        circleci.workflows(workflow("w1", "build", "success").build());
        assertThat(finish(handle).result()).isEqualTo(BuildResult.SUCCESS);
    }

    @Test
    void aLongOutageEndsTheWaitWithAClearErrorAfterThePatience() {
        options = WatchOptions.builder().outagePatience(Duration.ofMinutes(15)).build();
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofMinutes(1));
        circleci.failAlways(PipelineWatcherTest::serverError);
        scheduler.advance(Duration.ofMinutes(14));
        assertThat(handle.outcome()).isNotDone();
        finishExceptionally(handle);
        Throwable error = handle.outcome().handle((o, e) -> e).join();
        assertThat(error).isInstanceOf(CircleCiUnreachableException.class)
                .hasMessageStartingWith("CircleCI was unreachable for 15m")
                .hasMessageContaining("while waiting for CircleCI pipeline #42; last error: CircleCI answered 502.");
        assertThat(((CircleCiException) error).hint()).contains("status page").contains(PIPELINE_ID);
    }

    private void finishExceptionally(WatchHandle handle) {
        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(2))).isTrue();
        assertThat(handle.outcome()).isCompletedExceptionally();
    }

    @Test
    void aNonRetryableErrorEndsTheWaitAtOnceWithTheClientsError() {
        UnauthorizedException unauthorized = new UnauthorizedException("CircleCI refused the token.", "Create a new "
                + "personal API token.", 401, "Invalid token provided.", "GET", "/pipeline/x");
        circleci.failNext(1, () -> unauthorized);
        WatchHandle handle = watch();
        finishExceptionally(handle);
        assertThat(handle.outcome().handle((o, e) -> e).join()).isSameAs(unauthorized);
        assertThat(circleci.reads()).isEqualTo(1);
    }

    @Test
    void anUnknownPipelineEndsTheWaitAtOnce() {
        WatchHandle handle = watcher.watch(circleci, WatchState.forPipelineId("no-such-pipeline", T0, options),
                options, listener);
        finishExceptionally(handle);
        assertThat(handle.outcome().handle((o, e) -> e).join()).hasMessageContaining("not found");
    }

    @Test
    void aPipelineKnownOnlyByIdLearnsItsNumberAndSlug() {
        circleci.workflows(workflow("w1", "build", "success").build());
        WatchHandle handle = watcher.watch(circleci, WatchState.forPipelineId(PIPELINE_ID, T0, options), options,
                listener);
        Outcome outcome = finish(handle);
        assertThat(outcome.pipeline().number()).isEqualTo(42);
        assertThat(outcome.pipeline().projectSlug()).isEqualTo(SLUG);
        assertThat(handle.state().pipelineNumber()).isEqualTo(42);
    }

    @Test
    void theTimeoutEndsTheWaitAndCancelsWhatStillRuns() {
        options = WatchOptions.builder().timeout(Duration.ofMinutes(30)).build();
        circleci.workflows(workflow("w1", "build", "running").build(), workflow("w2", "lint", "success").build());
        Outcome outcome = finish(watch());
        assertThat(outcome.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(outcome.message()).contains("Timed out after 30m00s").contains("Canceled workflows: build.");
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(circleci.canceled).containsExactly("w1");
        assertThat(listener.lines()).contains("Canceled workflows: build.");
    }

    @Test
    void theTimeoutStillAppliesDuringAnOutage() {
        options = WatchOptions.builder().timeout(Duration.ofMinutes(5)).outagePatience(Duration.ofHours(1)).build();
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofMinutes(1));
        circleci.failAlways(PipelineWatcherTest::serverError);
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(outcome.workflows()).extracting(WorkflowSummary::name).containsExactly("build");
        assertThat(outcome.message()).contains("Could not cancel: build (CircleCI answered 502.)")
                .doesNotContain("Canceled workflows");
    }

    @Test
    void abortCancelsEveryWorkflowStillRunningCountedOrNot() {
        options = WatchOptions.builder().workflows(List.of("build")).build();
        circleci.workflows(workflow("w1", "build", "running").build(), workflow("w2", "nightly", "on_hold").build(),
                workflow("w3", "lint", "success").build(), workflow("w4", "docs", "running").build())
                .failCancel("w4", serverError());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(5));
        CompletableFuture<Outcome> aborted = handle.abort("Jenkins build was aborted");
        Outcome outcome = finish(handle);
        assertThat(aborted.join()).isSameAs(outcome);
        assertThat(outcome.result()).isEqualTo(BuildResult.ABORTED);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ABORTED);
        assertThat(circleci.canceled).containsExactly("w1", "w2");
        assertThat(outcome.message()).isEqualTo("Aborted: Jenkins build was aborted. Canceled workflows: build, "
                + "nightly. Could not cancel: docs (CircleCI answered 502.).");
        // The failed cancel is retried until the sweep's bound, then named; after it CircleCI is left alone.
        assertThat(scheduler.runUntil(() -> handle.cancellationsDone().isDone(), Duration.ofHours(1))).isTrue();
        assertThat(clock.instant()).isBetween(T0.plusSeconds(5).plus(options.abortSweep()),
                T0.plusSeconds(5).plus(options.abortSweep()).plusSeconds(1));
        assertThat(listener.lines()).contains("WARNING: workflows still not canceled 2m00s after the abort: docs; "
                + "cancel them in CircleCI: https://app.circleci.com/pipelines/github/acme/api/42");
        int reads = circleci.reads();
        scheduler.advance(Duration.ofHours(1));
        assertThat(circleci.reads()).isEqualTo(reads);
        assertThat(circleci.canceled).containsExactly("w1", "w2");
    }

    @Test
    void abortBeforeThePipelineHasWorkflowsCancelsThoseThatStartAfterwards() {
        WatchHandle handle = watchWhileSettingUp("setup-pending");
        scheduler.advance(Duration.ofSeconds(1));
        Outcome outcome = abortAndFinish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ABORTED);
        assertThat(outcome.message()).isEqualTo("Aborted: stop. Workflows that start within 2m00s will be canceled "
                + "too.");
        assertThat(handle.cancellationsDone()).isNotDone();
        assertThat(circleci.canceled).isEmpty();

        scheduler.advance(Duration.ofSeconds(20));
        circleci.pipelineState("created").workflows(workflow("w1", "build", "running").build(),
                workflow("w2", "lint", "queued").build(), workflow("w3", "skipped", "not_run").build());
        assertThat(scheduler.runUntil(() -> handle.cancellationsDone().isDone(), Duration.ofMinutes(5))).isTrue();
        assertThat(circleci.canceled).containsExactly("w1", "w2");
        assertThat(listener.lines()).contains("Canceled workflows that started after the abort: build, lint.");
        assertThat(clock.instant()).isBefore(T0.plus(Duration.ofMinutes(1)));
        assertThat(watcher.activeWatches()).isZero();
    }

    private Outcome abortAndFinish(WatchHandle handle) {
        handle.abort("stop");
        return finish(handle);
    }

    @Test
    void abortWhileASetupWorkflowAwaitsItsContinuationCancelsTheContinuation() {
        circleci.workflows(workflow("s1", "setup", "running").setup().build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(10));
        circleci.workflows(workflow("s1", "setup", "success").setup().build());
        scheduler.advance(Duration.ofSeconds(10));
        abortAndFinish(handle);
        assertThat(circleci.canceled).isEmpty();

        scheduler.advance(Duration.ofSeconds(30));
        circleci.workflows(workflow("s1", "setup", "success").setup().build(),
                workflow("w1", "deploy", "running").build());
        assertThat(scheduler.runUntil(() -> handle.cancellationsDone().isDone(), Duration.ofMinutes(5))).isTrue();
        assertThat(circleci.canceled).containsExactly("w1");
        assertThat(listener.lines()).contains("Canceled workflows that started after the abort: deploy.");
    }

    @Test
    void abortAfterAFailureWithAutomaticRerunsLeftCancelsTheRerun() {
        circleci.workflows(workflow("w1", "build", "failed").autoReruns(null, 2).build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(5));
        abortAndFinish(handle);
        scheduler.advance(Duration.ofSeconds(40));
        circleci.workflows(workflow("w1", "build", "failed").autoReruns(null, 2).build(),
                workflow("w2", "build", "running").createdAt(T0.plusSeconds(30)).autoReruns(1, 2).build());
        assertThat(scheduler.runUntil(() -> handle.cancellationsDone().isDone(), Duration.ofMinutes(5))).isTrue();
        assertThat(circleci.canceled).containsExactly("w2");
    }

    @Test
    void theTimeoutAlsoCancelsWorkflowsThatStartAfterIt() {
        options = WatchOptions.builder().timeout(Duration.ofMinutes(1)).build();
        WatchHandle handle = watchWhileSettingUp("pending");
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(outcome.message()).endsWith("Workflows that start within 2m00s will be canceled too.");
        circleci.pipelineState("created").workflows(workflow("w1", "build", "running").build());
        assertThat(scheduler.runUntil(() -> handle.cancellationsDone().isDone(), Duration.ofMinutes(5))).isTrue();
        assertThat(circleci.canceled).containsExactly("w1");
        assertThat(listener.lines()).contains("Canceled workflows that started after the timeout: build.");
    }

    @Test
    void aPipelineThatNeverStartsWorkflowsIsSweptOnlyUntilTheBound() {
        options = WatchOptions.builder().abortSweep(Duration.ofMinutes(1)).build();
        WatchHandle handle = watchWhileSettingUp("setup-pending");
        Outcome outcome = abortAndFinish(handle);
        assertThat(outcome.message()).isEqualTo("Aborted: stop. Workflows that start within 1m00s will be canceled "
                + "too.");
        int readsAtAbort = circleci.reads();
        scheduler.advance(Duration.ofHours(2));
        assertThat(handle.cancellationsDone()).isCompleted();
        // Polls grow from 2 s to 10 s: a minute of sweeping is at most 30 looks of two reads each.
        assertThat(circleci.reads() - readsAtAbort).isPositive().isLessThanOrEqualTo(60);
        assertThat(circleci.canceled).isEmpty();
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void aCancelThatFailsIsRetriedWithinTheSweep() {
        WatchHandle handle = watchWhileSettingUp("pending");
        abortAndFinish(handle);
        circleci.pipelineState("created").workflows(workflow("w1", "build", "running").build())
                .failCancel("w1", serverError());
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(listener.lines()).contains("WARNING: could not cancel workflow build (CircleCI answered 502.); "
                + "retrying until 2m00s after the abort");
        assertThat(circleci.canceled).isEmpty();
        circleci.allowCancel("w1");
        assertThat(scheduler.runUntil(() -> handle.cancellationsDone().isDone(), Duration.ofMinutes(5))).isTrue();
        assertThat(circleci.canceled).containsExactly("w1");
        assertThat(listener.lines()).filteredOn(l -> l.contains("could not cancel")).hasSize(1);
    }

    @Test
    void theSweepHoldsOffWhileTheSharedBudgetIsExhausted() {
        WatchHandle handle = watchWhileSettingUp("pending");
        abortAndFinish(handle);
        circleci.budgetWait(Duration.ofSeconds(30));
        int reads = circleci.reads();
        scheduler.advance(Duration.ofSeconds(90));
        assertThat(circleci.reads()).isEqualTo(reads);
        circleci.budgetWait(Duration.ZERO).pipelineState("created").workflows(workflow("w1", "build", "running")
                .build());
        assertThat(scheduler.runUntil(() -> handle.cancellationsDone().isDone(), Duration.ofMinutes(5))).isTrue();
        assertThat(circleci.canceled).containsExactly("w1");
    }

    @Test
    void closingTheWatcherStopsASweep() {
        WatchHandle handle = watchWhileSettingUp("pending");
        abortAndFinish(handle);
        watcher.close();
        assertThat(handle.cancellationsDone()).isCancelled();
        int reads = circleci.reads();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(circleci.reads()).isEqualTo(reads);
    }

    /** A wait five seconds in, its one workflow running. */
    private WatchHandle watchWhileBuildRuns() {
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(5));
        return handle;
    }

    @Test
    void closingTheWatcherCancelsTheCancellationsOfAWaitWithoutASweep() {
        WatchHandle handle = watchWhileBuildRuns();
        watcher.close();
        assertThat(handle.outcome()).isCancelled();
        assertThat(handle.cancellationsDone()).isCancelled();
    }

    @Test
    void aNudgeWhileTheWatcherClosesSchedulesNoPoll() {
        WatchHandle handle = watchWhileBuildRuns();
        int reads = circleci.reads();
        // Runs inside close(), after the wait was marked stopped but before its outcome is cancelled.
        handle.cancellationsDone().whenComplete((v, e) -> {
            handle.nudge();
            scheduler.advance(Duration.ofMinutes(1));
        });

        watcher.close();

        assertThat(circleci.reads()).as("no poll read CircleCI after the close began").isEqualTo(reads);
        assertThat(handle.outcome()).isCancelled();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(circleci.reads()).isEqualTo(reads);
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void aSweepThatStartsAfterTheWatcherClosedStopsAtOnce() {
        WatchHandle handle = watchWhileBuildRuns();
        // The abort task is queued on the scheduler; the watcher closes before it runs.
        handle.abort("stop");
        watcher.close();
        int reads = circleci.reads();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(circleci.reads()).isEqualTo(reads);
        assertThat(circleci.canceled).isEmpty();
        assertThat(handle.cancellationsDone()).isCancelled();
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void aFirstSweepRoundThatFailsUnexpectedlyEndsTheWaitAndItsCancellations() {
        WatchHandle handle = watchWhileBuildRuns();
        IllegalStateException bug = new IllegalStateException("a bug while listing");
        circleci.onListWorkflows(() -> {
            throw bug;
        });
        handle.abort("stop");
        scheduler.advance(Duration.ZERO);
        assertThat(handle.outcome()).isCompletedExceptionally();
        assertThat(handle.cancellationsDone()).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).withCause(bug);
        assertThat(watcher.nudge(PIPELINE_ID)).as("the wait left the watcher").isZero();
    }

    @Test
    void aWaitThatEndsWithoutCancelingHasItsCancellationsDoneWithTheOutcome() {
        circleci.workflows(workflow("w1", "build", "success").build());
        WatchHandle handle = watch();
        finish(handle);
        assertThat(handle.cancellationsDone()).isCompleted();
    }

    @Test
    void abortWithoutCancelLeavesCircleCiAlone() {
        options = WatchOptions.builder().cancelOnAbort(false).build();
        circleci.workflows(workflow("w1", "build", "running").build());
        WatchHandle handle = watch();
        scheduler.advance(Duration.ofSeconds(5));
        handle.abort(null);
        Outcome outcome = finish(handle);
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.ABORTED);
        assertThat(outcome.message()).isEqualTo("Aborted.");
        assertThat(circleci.canceled).isEmpty();
    }

    @Test
    void theOutcomeCompletesOnceAndAnAbortAfterwardsChangesNothing() {
        circleci.workflows(workflow("w1", "build", "success").build());
        WatchHandle handle = watch();
        Outcome outcome = finish(handle);
        assertThat(handle.abort("too late").join()).isSameAs(outcome);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(circleci.canceled).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotKillTheWait() {
        circleci.workflows(workflow("w1", "build", "running").build());
        ProgressListener broken = new ProgressListener() {
            @Override
            public void onEvent(ProgressEvent event) {
                throw new IllegalStateException("console closed");
            }

            @Override
            public void onStateChanged(WatchState state) {
                throw new IllegalStateException("disk full");
            }
        };
        WatchHandle handle = watcher.watch(circleci, WatchState.forTriggered(
                new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), T0, options), options, broken);
        scheduler.advance(Duration.ofSeconds(20));
        circleci.workflows(workflow("w1", "build", "success").build());
        assertThat(finish(handle).result()).isEqualTo(BuildResult.SUCCESS);
    }

    @Test
    void aResumedWaitContinuesFromTheSavedStateWithoutRepeatingItselfOrExtendingTheDeadline() {
        options = WatchOptions.builder().timeout(Duration.ofHours(1)).build();
        circleci.workflows(workflow("w1", "deploy", "on_hold").build())
                .jobs("w1", approval("hold", "on_hold"));
        WatchHandle first = watch();
        scheduler.advance(Duration.ofMinutes(5));
        byte[] saved = Serialization.save(listener.lastState());
        watcher.close();
        assertThat(first.outcome()).isCancelled();
        assertThat(listener.lines()).containsExactly("workflow deploy: on_hold (0s)",
                "workflow deploy is on hold, waiting for approval of hold");

        RecordingListener afterRestart = new RecordingListener();
        PipelineWatcher restarted = new PipelineWatcher(scheduler, clock);
        WatchState resumed = Serialization.load(saved);
        WatchHandle second = restarted.watch(circleci, resumed, options, afterRestart);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(afterRestart.events).isEmpty();
        circleci.workflows(workflow("w1", "deploy", "success").build());
        Outcome outcome = finish(second);
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(afterRestart.lines()).containsExactly("workflow deploy: on_hold → success (1m00s)");
        assertThat(afterRestart.lastState().deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    /** Resumes a wait three hours after its deadline, its one workflow in {@code status}. */
    private Outcome resumedAfterTheDeadline(String status) {
        WatchState saved = WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), T0,
                options);
        clock.set(saved.deadline().plus(Duration.ofHours(3)));
        circleci.workflows(workflow("w1", "build", status).build());
        return finish(watcher.watch(circleci, saved, options, listener));
    }

    @Test
    void aWaitResumedAfterItsDeadlineLooksOnceThenTimesOut() {
        Outcome outcome = resumedAfterTheDeadline("running");
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.TIMED_OUT);
        assertThat(circleci.canceled).containsExactly("w1");
        assertThat(circleci.calls("listWorkflows")).isEqualTo(1);
    }

    @Test
    void aWaitResumedAfterItsDeadlineStillReportsAFinishedPipeline() {
        Outcome outcome = resumedAfterTheDeadline("success");
        assertThat(outcome.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(outcome.result()).isEqualTo(BuildResult.SUCCESS);
    }
}
