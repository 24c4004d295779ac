package io.jenkins.plugins.circleci.steps;

import static io.jenkins.plugins.circleci.steps.SimulatedEnvironment.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The step ends exactly once, whatever happens around it: a report that throws, an abort while the watcher's threads
 * are held by a slow CircleCI, an abort in the instant the watcher hands its outcome over, a build that Jenkins ended
 * without stopping the step ("forcibly terminate").
 */
class StepAlwaysEndsTest {
    private static final String GREEN = "gh/acme/green";
    private static final String RED = "gh/acme/red";
    private static final String SLOW = "gh/acme/slow";
    private static final String SLOW_WITH_REPORTS = "gh/acme/slow-reports";
    private static final String WITH_ARTIFACTS = "gh/acme/with-artifacts";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator simulator;
    private SimulatedEnvironment environment;

    @BeforeEach
    void startSimulator() {
        Scenario scenario = Scenario.builder()
                .project(GREEN, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(5))))
                .project(RED, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(5), "failed")))
                .project(SLOW, p -> p.workflow("build", w -> w.job("test", Duration.ofHours(2))))
                .project(SLOW_WITH_REPORTS, p -> p.workflow("build", w -> w
                        .job(JobSpec.build("compile", Duration.ofSeconds(5), "success").withArtifacts(1))
                        .job(JobSpec.build("test", Duration.ofHours(2), "success").withArtifacts(1))))
                .project(WITH_ARTIFACTS, p -> p.workflow("build", w -> w
                        .job(JobSpec.build("compile", Duration.ofSeconds(5), "success").withArtifacts(2))))
                .build();
        simulator = CircleCiSimulator.builder().port(0).clock(clock).scenario(scenario).start();
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
    }

    @AfterEach
    void stopSimulator() throws Exception {
        environment.close();
        simulator.close();
    }

    private static StepExecution start(CircleCiStep step, TestStepContext context) throws Exception {
        StepExecution execution = step.start(context);
        assertThat(execution.start()).as("the step runs asynchronously").isFalse();
        return execution;
    }

    private static FlowInterruptedException abort() {
        return new FlowInterruptedException(Result.ABORTED, true, new TestCause());
    }

    // --- a report that throws ---

    @Test
    void aFailureReportThatThrowsIsAWarningAndTheStepStillFailsWithThePipelinesResult() throws Exception {
        environment.breakLinksTo("/jobs/"); // the failed job's link, which only the report prints
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(RED), context);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOfSatisfying(FlowInterruptedException.class,
                e -> assertThat(e.getResult()).isSameAs(Result.FAILURE));
        assertThat(context.log()).contains("WARNING: could not print what failed (IllegalStateException); the "
                + "step's result is not affected.");
        assertThat(context.completions()).as("completed exactly once").isEqualTo(1);

        execution.stop(abort()); // a later stop is harmless: nothing left to end, nothing to cancel
        environment.drainBlocking();

        assertThat(context.completions()).isEqualTo(1);
        assertThat(context.result()).isCompletedExceptionally();
        assertThat(environment.awaitFailure(context)).isSameAs(failure);
        assertThat(context.log()).doesNotContain("Aborting");
        assertThat(simulator.journal().requests("POST", "/cancel$")).isEmpty();
    }

    @Test
    void anArtifactListThatCannotBePrintedStillReturnsTheArtifacts() throws Exception {
        environment.breakLinksTo("/artifacts/");
        CircleCiTriggerStep step = trigger(WITH_ARTIFACTS);
        step.setArtifacts(true);
        TestStepContext context = new TestStepContext();
        start(step, context);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
        assertThat((List<?>) result.get("artifacts")).hasSize(2);
        assertThat(context.log()).contains("WARNING: could not list the artifacts (IllegalStateException)");
        assertThat(context.completions()).isEqualTo(1);
    }

    @Test
    void theTestEnvironmentRefusesANullLinkLikeJenkins() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> environment.link(null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aShellWhoseReportThrowsStillEndsTheStepOnceAndALaterAbortIsHarmless() throws Exception {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setWait(false);
        StepOptions options = step.toOptions();
        CircleCiWaitRunner runner = new CircleCiWaitRunner(options, simulator.baseUrl(),
                SimulatedEnvironment.CREDENTIALS_ID, options.toWatchOptions(environment.settings()));
        ThrowingShell shell = new ThrowingShell(environment);

        runner.start(shell);
        Throwable failure = shell.failed.get(20, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("the report broke");
        assertThat(shell.finishedCalls).as("the report was tried once").hasSize(1);
        runner.abort(abort());
        assertThat(shell.failedCalls).as("the step ended once").isEqualTo(1);
        assertThat(simulator.journal().requests("POST", "/cancel$")).isEmpty();
    }

    /** Delegates to the simulated environment; its report throws, like a Jenkins shell with a bug in it. */
    private static final class ThrowingShell implements CircleCiWaitRunner.Shell {
        private final SimulatedEnvironment environment;
        final List<Outcome> finishedCalls = new CopyOnWriteArrayList<>();
        final CompletableFuture<Throwable> failed = new CompletableFuture<>();
        volatile int failedCalls;

        ThrowingShell(SimulatedEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public ScheduledExecutorService timer() {
            return environment.timer();
        }

        @Override
        public Duration buildCheckInterval() {
            return environment.buildCheckInterval();
        }

        @Override
        public boolean buildEnded() {
            return false;
        }

        @Override
        public ExecutorService blocking() {
            return environment.blocking();
        }

        @Override
        public Duration abortGrace() {
            return environment.abortGrace();
        }

        @Override
        public PipelineWatcher watcher() {
            return environment.watcher();
        }

        @Override
        public Clock clock() {
            return environment.clock();
        }

        @Override
        public CircleCiClient client(String serverUrl) {
            return environment.client(serverUrl, SimulatedEnvironment.TOKEN, environment.settings());
        }

        @Override
        public PrintStream log() {
            return System.out;
        }

        @Override
        public String link(String url, String text) {
            return environment.link(url, text);
        }

        @Override
        public void stateChanged() {}

        @Override
        public void finished(Outcome outcome, OutcomeDetails details) {
            finishedCalls.add(outcome);
            throw new IllegalStateException("the report broke");
        }

        @Override
        public synchronized void failed(Throwable error) {
            failedCalls++;
            failed.complete(error);
        }
    }

    // --- an abort while the watcher's threads are held ---

    @Test
    void theAbortsGraceEndsTheStepWhileSlowPollsHoldTheWatchersThreads() throws Exception {
        environment.abortGrace(Duration.ofMillis(50));
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(SLOW), context);
        environment.awaitLog(context, "workflow build");
        CountDownLatch release = environment.occupySchedulerThreads();
        FlowInterruptedException abort = abort();
        try {
            execution.stop(abort);

            // The watcher's abort waits behind the held threads; the grace, on a timer of its own, does not.
            assertThat(environment.awaitFailure(context)).isSameAs(abort);
            assertThat(simulator.journal().requests("POST", "/cancel$")).as("not yet: its threads are held").isEmpty();
        } finally {
            release.countDown();
        }
        awaitCancelRequest(context);
        assertThat(workflowStatuses()).containsExactly("canceled");
        assertThat(context.completions()).isEqualTo(1);
    }

    @Test
    void anAbortedWaitReadsNoReportAfterwards() throws Exception {
        CircleCiTriggerStep step = trigger(SLOW_WITH_REPORTS);
        step.setArtifacts(true);
        step.setJunit(true);
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(step, context);
        environment.awaitLog(context, "workflow build");
        FlowInterruptedException abort = abort();

        execution.stop(abort);

        assertThat(environment.awaitFailure(context)).isSameAs(abort);
        awaitCancelRequest(context);
        environment.drainBlocking(); // a report queued for the blocking threads would have run by now
        assertThat(simulator.journal().requests("GET", "/artifacts$")).as("artifacts listed").isEmpty();
        assertThat(simulator.journal().requests("GET", "/tests$")).as("test results read").isEmpty();
        assertThat(context.log()).doesNotContain("CircleCI artifacts:");
    }

    // --- an abort in the instant the watcher hands its outcome over ---

    @Test
    void anAbortJustAfterTheWatcherEndedSaysNothingWasCanceled() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(GREEN), context);
        environment.awaitLog(context, "workflow build");
        CircleCiWaitRunner runner = ((CircleCiStepExecution) execution).runner();
        FlowInterruptedException abort = abort();

        // Holding the runner's lock holds the watcher's thread at the door of finishWithDetails, right after the
        // outcome is known: the abort comes in between (the lock is reentrant, so it runs on this thread).
        synchronized (runner) {
            long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!runner.watcherDone()) {
                assertThat(System.nanoTime()).as("the watcher ended; log:\n" + context.log()).isLessThan(giveUp);
                clock.advance(Duration.ofSeconds(1));
                Thread.sleep(5);
            }
            execution.stop(abort);
        }

        assertThat(environment.awaitFailure(context)).isSameAs(abort);
        assertThat(context.log()).contains("had already ended (SUCCESS), so nothing was canceled")
                .doesNotContain("Aborting: canceling the running workflows");
        environment.drainBlocking();
        assertThat(context.completions()).isEqualTo(1);
        assertThat(simulator.journal().requests("POST", "/cancel$")).isEmpty();
    }

    // --- a build that ended without stopping the step ---

    @Test
    void aStepEndedWithoutAStopStopsItsWatchAndCancelsThePipeline() throws Exception {
        environment.buildCheckInterval(Duration.ofMillis(20));
        TestStepContext context = new TestStepContext();
        start(trigger(SLOW), context);
        environment.awaitLog(context, "workflow build");

        // What WorkflowRun.doTerm does: fail the step's context directly; the build then ends.
        context.onFailure(new FlowInterruptedException(Result.ABORTED, true));
        environment.endBuild();

        awaitCancelRequest(context);
        assertThat(workflowStatuses()).as("what CircleCI now says").containsExactly("canceled");
        awaitNoActiveWatch();
        assertThat(context.log()).contains("The build ended while this step was still waiting for CircleCI pipeline "
                + "#1 (" + SLOW + ") (forcibly terminated): stopping the wait and canceling its running workflows.");
        assertThat(context.completions()).as("only Jenkins completed it").isEqualTo(1);
    }

    @Test
    void aStepEndedWithoutAStopLeavesThePipelineRunningWithoutCancelOnAbort() throws Exception {
        environment.buildCheckInterval(Duration.ofMillis(20));
        CircleCiTriggerStep step = trigger(SLOW);
        step.setCancelOnAbort(false);
        TestStepContext context = new TestStepContext();
        start(step, context);
        environment.awaitLog(context, "workflow build");

        context.onFailure(new FlowInterruptedException(Result.ABORTED, true));
        environment.endBuild();

        awaitNoActiveWatch();
        int requests = simulator.journal().requests("GET", "/workflow$").size();
        clock.advance(Duration.ofMinutes(30));
        Thread.sleep(100);
        assertThat(simulator.journal().requests("GET", "/workflow$")).as("no more polls").hasSize(requests);
        assertThat(simulator.journal().requests("POST", "/cancel$")).isEmpty();
        assertThat(context.log()).contains("stopping the wait and leaving it running in CircleCI (cancelOnAbort: "
                + "false).");
    }

    @Test
    void aBuildThatStillRunsIsLeftAlone() throws Exception {
        environment.buildCheckInterval(Duration.ofMillis(5));
        TestStepContext context = new TestStepContext();
        start(trigger(GREEN), context);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
        assertThat(context.log()).doesNotContain("The build ended");
        assertThat(context.completions()).isEqualTo(1);
    }

    private void awaitNoActiveWatch() throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (environment.watcher().activeWatches() > 0) {
            assertThat(System.nanoTime()).as("the watch stopped").isLessThan(giveUp);
            clock.advance(Duration.ofSeconds(1));
            Thread.sleep(5);
        }
    }

    /** Moves the simulated clock on until the simulator has seen a cancel request (at most 20 s of real time). */
    private void awaitCancelRequest(TestStepContext context) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (simulator.journal().requests("POST", "/workflow/[^/]+/cancel").isEmpty()) {
            assertThat(System.nanoTime()).as("a cancel request; log:\n" + context.log()).isLessThan(giveUp);
            clock.advance(Duration.ofSeconds(1));
            Thread.sleep(5);
        }
    }

    /** The statuses of the workflows of the simulator's only pipeline, as CircleCI reports them now. */
    private List<String> workflowStatuses() {
        assertThat(simulator.pipelineIds()).hasSize(1);
        CircleCiClient client = CircleCiClient.builder().baseUrl(simulator.baseUrl())
                .token(SimulatedEnvironment.TOKEN).budget(RequestBudget.create(new RateLimit(1000, 1000), clock))
                .clock(clock).build();
        return client.listWorkflows(simulator.pipelineIds().get(0)).stream().map(w -> w.status().value()).toList();
    }

    private static final class TestCause extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;

        @Override
        public String getShortDescription() {
            return "Aborted by a test";
        }
    }
}
