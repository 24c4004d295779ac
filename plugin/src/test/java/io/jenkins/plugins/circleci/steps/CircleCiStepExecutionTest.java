package io.jenkins.plugins.circleci.steps;

import static io.jenkins.plugins.circleci.steps.SimulatedEnvironment.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The steps' whole life without Jenkins: a test StepContext, the CircleCI simulator on a manual clock, and a
 * scheduler and blocking executor of the test's own in place of the plugin's pools.
 */
class CircleCiStepExecutionTest {
    private static final String GREEN = "gh/acme/green";
    private static final String RED = "gh/acme/red";
    private static final String SLOW = "gh/acme/slow";
    private static final String SLUGGISH = "gh/acme/sluggish";
    private static final String SETTING_UP = "gh/acme/setting-up";
    private static final String GATED = "gh/acme/gated";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator simulator;
    private SimulatedEnvironment environment;

    @BeforeEach
    void startSimulator() {
        Scenario scenario = Scenario.builder()
                .project(GREEN, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(5))))
                .project(RED, p -> p
                        .workflow("build", w -> w.job("test", Duration.ofSeconds(5), "failed"))
                        .workflow("lint", w -> w.job("lint", Duration.ofSeconds(2))))
                .project(SLOW, p -> p.workflow("build", w -> w.job("test", Duration.ofHours(2))))
                .project(SLUGGISH, p -> p.workflow("build", w -> w.job("test", Duration.ofHours(2))))
                .project(GATED, p -> p.workflow("deploy", w -> w.job("build", Duration.ofSeconds(5))
                        .approval("hold-for-prod").job("ship", Duration.ofSeconds(5))))
                .project(SETTING_UP, p -> p.step("setup-pending", Duration.ofSeconds(30))
                        .step("pending", Duration.ofSeconds(30))
                        .workflow("build", w -> w.job("test", Duration.ofHours(2))))
                // CircleCI takes its time to answer this project's trigger (real time: the request is in flight).
                .fault(FaultRule.delay(Duration.ofMillis(300))
                        .on("POST", "/project/gh(%2F|/)acme(%2F|/)sluggish/pipeline"))
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

    @Test
    void triggersWaitsAndReturnsTheMap() throws Exception {
        TestStepContext context = new TestStepContext();
        start(trigger(GREEN), context);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
        assertThat(result.get("project")).isEqualTo(GREEN);
        assertThat(result.get("number")).isInstanceOf(Long.class);
        assertThat((String) result.get("id")).isNotBlank();
        assertThat((String) result.get("url")).contains("/pipelines/github/acme/green/");
        List<?> workflows = (List<?>) result.get("workflows");
        assertThat(workflows).hasSize(1);
        Map<?, ?> build = (Map<?, ?>) workflows.get(0);
        assertThat(build.get("name")).isEqualTo("build");
        assertThat(build.get("status")).isEqualTo("success");
        assertThat(context.log()).contains("CircleCI pipeline #" + result.get("number") + " (" + GREEN + ") created")
                .contains("<a href=\"" + result.get("url") + "\">");
        assertThat(context.log()).doesNotContain(SimulatedEnvironment.TOKEN);
    }

    @Test
    void theTriggerRunsOnTheBlockingExecutorNeverOnTheScheduler() throws Exception {
        TestStepContext context = new TestStepContext();
        start(trigger(GREEN), context);

        environment.awaitSuccess(context);

        assertThat(environment.clientThreads()).as("threads the trigger's client was built and used on")
                .isNotEmpty().allMatch(name -> name.startsWith("simulated-blocking #"));
    }

    @Test
    void aFailedPollIsRescheduledByTheWatcherNotRetriedInPlace() throws Exception {
        environment.close();
        simulator.close();
        Scenario scenario = Scenario.builder()
                .project(GREEN, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(5))))
                .fault(FaultRule.status(503).on("GET", "/pipeline/[^/]+/workflow").first(1))
                .build();
        simulator = CircleCiSimulator.builder().port(0).clock(clock).scenario(scenario).start();
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
        TestStepContext context = new TestStepContext();
        start(trigger(GREEN), context);

        environment.awaitSuccess(context);

        // A client that retried in place would have slept on the scheduler and hidden the 503 from the watcher.
        assertThat(context.log()).contains("reading CircleCI failed").contains("retrying");
    }

    @Test
    void aFailedPipelineFailsTheStepLikeTheBuildStep() throws Exception {
        TestStepContext context = new TestStepContext();
        start(trigger(RED), context);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOf(FlowInterruptedException.class);
        FlowInterruptedException interrupted = (FlowInterruptedException) failure;
        assertThat(interrupted.getResult()).isSameAs(Result.FAILURE);
        assertThat(interrupted.isActualInterruption()).as("retry may retry it").isFalse();
        assertThat(interrupted.getCauses()).singleElement().isInstanceOfSatisfying(
                CircleCiPipelineFailureCause.class, cause -> {
                    assertThat(cause.getProject()).isEqualTo(RED);
                    assertThat(cause.getShortDescription()).startsWith("CircleCI pipeline #")
                            .contains("(" + RED + ") ended FAILURE: http");
                });
        assertThat(context.log()).contains("workflow build").doesNotContain(SimulatedEnvironment.TOKEN);
    }

    @Test
    void aResultMappingOverrideDecidesTheResult() throws Exception {
        CircleCiTriggerStep step = trigger(RED);
        step.setResultMapping(Map.of("failed", "UNSTABLE"));
        TestStepContext context = new TestStepContext();
        start(step, context);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOfSatisfying(FlowInterruptedException.class,
                e -> assertThat(e.getResult()).isSameAs(Result.UNSTABLE));
    }

    @Test
    void aBadResultMappingFailsBeforeAnythingIsTriggered() {
        CircleCiTriggerStep running = trigger(GREEN);
        running.setResultMapping(Map.of("running", "SUCCESS"));
        assertThatStartFails(running, new TestStepContext()).hasMessageContaining("resultMapping: 'running'");

        CircleCiWaitStep wait = new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b");
        wait.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        wait.setResultMapping(Map.of("failed", "GREEN"));
        assertThatStartFails(wait, new TestStepContext()).hasMessageContaining("'GREEN' is not a result");

        assertThat(simulator.journal().requests("POST", "/project/")).as("nothing was triggered").isEmpty();
    }

    @Test
    void onHoldUnstableWithPropagateEndsTheStepUnstableAndLeavesTheApprovalOpen() throws Exception {
        CircleCiTriggerStep step = trigger(GATED);
        step.setOnHold("unstable");
        TestStepContext context = new TestStepContext();
        start(step, context);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOfSatisfying(FlowInterruptedException.class,
                e -> assertThat(e.getResult()).isSameAs(Result.UNSTABLE));
        assertThat(context.log()).contains("workflow deploy is on hold, waiting for approval of hold-for-prod")
                .contains("The on-hold policy is unstable: stopped waiting without canceling anything");
        assertThat(simulator.journal().requests("POST", "/cancel$")).isEmpty();
    }

    @Test
    void approveApprovesTheNamedJobOnceAndTheStepSucceeds() throws Exception {
        CircleCiTriggerStep step = trigger(GATED);
        step.setApprove(List.of("hold-for-prod"));
        TestStepContext context = new TestStepContext();
        start(step, context);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
        assertThat(context.log()).contains("approved hold-for-prod in workflow deploy");
        assertThat(simulator.journal().requests("POST", "/approve/")).hasSize(1);
    }

    @Test
    void aBadHoldTimeoutFailsBeforeAnythingIsTriggered() {
        CircleCiTriggerStep step = trigger(GATED);
        step.setHoldTimeout("0m");
        assertThatStartFails(step, new TestStepContext()).hasMessageContaining("holdTimeout: '0m' is zero");
        CircleCiTriggerStep conflicting = trigger(GATED);
        conflicting.setHoldTimeout("30m");
        conflicting.setOnHold("fail");
        assertThatStartFails(conflicting, new TestStepContext()).hasMessageContaining("needs onHold: 'wait'");
        assertThat(simulator.journal().requests("POST", "/project/")).as("nothing was triggered").isEmpty();
    }

    @Test
    void withoutPropagateTheResultIsReturnedAndTheBuildLeftAlone() throws Exception {
        CircleCiTriggerStep step = trigger(RED);
        step.setPropagate(false);
        TestStepContext context = new TestStepContext();
        start(step, context);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("FAILURE");
    }

    @Test
    void triggerWithoutWaitingThenWaitForTheSamePipeline() throws Exception {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setWait(false);
        TestStepContext triggerContext = new TestStepContext();
        start(step, triggerContext);
        Map<?, ?> handle = (Map<?, ?>) environment.awaitSuccess(triggerContext);
        assertThat(handle.get("result")).as("not waited").isNull();

        CircleCiWaitStep wait = new CircleCiWaitStep((String) handle.get("id"));
        wait.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        TestStepContext waitContext = new TestStepContext();
        start(wait, waitContext);
        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(waitContext);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
        assertThat(result.get("id")).isEqualTo(handle.get("id"));
        assertThat(result.get("number")).isEqualTo(handle.get("number"));
    }

    @Test
    void stopCancelsTheRunningWorkflowsAndFailsWithTheCause() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(SLOW), context);
        environment.awaitLog(context, "workflow build");
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());

        execution.stop(abort);

        assertThat(environment.awaitFailure(context)).isSameAs(abort);
        assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel")).hasSize(1);
        assertThat(workflowStatuses()).as("what CircleCI now says").containsExactly("canceled");
        assertThat(context.log()).contains("Aborting: canceling the running workflows of CircleCI pipeline #");
    }

    @Test
    void stopBeforeTheWorkflowsExistFailsAtOnceAndCancelsThemOnceTheyStart() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(SETTING_UP), context);
        environment.awaitLog(context, "(" + SETTING_UP + ") created");
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());

        execution.stop(abort);

        assertThat(environment.awaitFailure(context)).isSameAs(abort);
        // The step is over; the watcher keeps canceling in the background, on the controller's scheduler.
        awaitCancelRequest(context);
        assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel")).hasSize(1);
        assertThat(workflowStatuses()).as("what CircleCI now says").containsExactly("canceled");
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

    /** Triggers a pipeline of {@code project} without waiting, and returns its id. */
    private String triggerWithoutWaiting(String project) throws Exception {
        CircleCiTriggerStep step = trigger(project);
        step.setWait(false);
        TestStepContext context = new TestStepContext();
        start(step, context);
        return (String) ((Map<?, ?>) environment.awaitSuccess(context)).get("id");
    }

    private static CircleCiWaitStep waitFor(String pipelineId) {
        CircleCiWaitStep wait = new CircleCiWaitStep(pipelineId);
        wait.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        return wait;
    }

    @Test
    void stopRightAfterAWaitStartedStillCancelsThePipeline() throws Exception {
        String id = triggerWithoutWaiting(SLOW);
        TestStepContext context = new TestStepContext();
        CountDownLatch release = environment.occupyBlockingThreads();
        StepExecution execution = start(waitFor(id), context);
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());

        execution.stop(abort); // before the wait's start got a thread: it has not reached the watcher
        release.countDown();

        assertThat(environment.awaitFailure(context)).isSameAs(abort);
        awaitCancelRequest(context);
        assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel")).hasSize(1);
        assertThat(workflowStatuses()).as("what CircleCI now says").containsExactly("canceled");
        assertThat(context.log()).contains("Aborting: the wait for CircleCI pipeline " + id + " is starting")
                .contains("Aborting: canceling the running workflows of CircleCI pipeline");
    }

    @Test
    void stopWhileTheTriggerIsQueuedTriggersNothing() throws Exception {
        TestStepContext context = new TestStepContext();
        CountDownLatch release = environment.occupyBlockingThreads();
        StepExecution execution = start(trigger(GREEN), context);
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());

        execution.stop(abort);
        release.countDown();

        assertThat(environment.awaitFailure(context)).isSameAs(abort);
        assertThat(context.log()).contains("has not been triggered yet, and will not be")
                .contains("it was NOT triggered");
        assertThat(simulator.journal().requests("POST", "/project/")).as("nothing was triggered").isEmpty();
        assertThat(simulator.pipelineIds()).isEmpty();
    }

    @Test
    void anAbortedStepWhoseStartIsStuckFailsAfterTheGraceAndTriggersNothingLater() throws Exception {
        environment.abortGrace(Duration.ofMillis(50));
        TestStepContext context = new TestStepContext();
        CountDownLatch release = environment.occupyBlockingThreads();
        StepExecution execution = start(trigger(GREEN), context);
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());

        execution.stop(abort);

        assertThat(environment.awaitFailure(context)).as("failed while the trigger still waits for a thread")
                .isSameAs(abort);
        release.countDown();
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!context.log().contains("it was NOT triggered")) {
            assertThat(System.nanoTime()).as("the queued trigger ran; log:\n" + context.log()).isLessThan(giveUp);
            Thread.sleep(5);
        }
        assertThat(simulator.journal().requests("POST", "/project/")).as("nothing was triggered").isEmpty();
    }

    @Test
    void stopWhileTheTriggerIsInFlightAbortsOnceThePipelineExists() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(SLUGGISH), context);
        // CircleCI takes 300 ms to answer this trigger: the stop arrives while it is in flight.
        environment.awaitLog(context, "Triggering a CircleCI pipeline for " + SLUGGISH);
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());

        execution.stop(abort);

        assertThat(environment.awaitFailure(context)).isSameAs(abort);
        assertThat(context.log()).contains("Aborting: the CircleCI pipeline is being triggered")
                .contains("CircleCI pipeline #1 (" + SLUGGISH + ") created")
                .contains("Aborting: canceling the running workflows of CircleCI pipeline #1");
        assertThat(simulator.journal().requests("POST", "/project/.*/pipeline")).as("triggered once").hasSize(1);
        // The step fails once the watcher's first cancel round has run; if the pipeline was still pending then (a
        // loaded machine), its workflow is canceled by the sweep's next rounds, on the scheduler.
        awaitCancelRequests(1);
        assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel"))
                .as("the workflow CircleCI created after the abort was canceled").hasSize(1);
        assertThat(workflowStatuses()).as("what CircleCI now says").containsExactly("canceled");
    }

    /** Moves the simulated clock on until CircleCI has seen {@code count} cancel requests (at most 10 s real time). */
    private void awaitCancelRequests(int count) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (simulator.journal().requests("POST", "/workflow/[^/]+/cancel").size() < count
                && System.nanoTime() < giveUp) {
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

    @Test
    void stopWithoutCancelOnAbortLeavesTheWorkflowsRunning() throws Exception {
        CircleCiTriggerStep step = trigger(SLOW);
        step.setCancelOnAbort(false);
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(step, context);
        environment.awaitLog(context, "workflow build");
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());

        execution.stop(abort);

        assertThat(environment.awaitFailure(context)).isSameAs(abort);
        assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel")).isEmpty();
        assertThat(context.log()).contains("running in CircleCI (cancelOnAbort: false)");
    }

    @Test
    void aRestartedControllerResumesTheWaitFromTheSavedState() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(SLOW), context);
        environment.awaitLog(context, "workflow build");
        assertThat(context.saves()).as("the pipeline was saved as soon as it was known").isPositive();

        byte[] saved = serialize(execution);
        environment.close(); // the controller goes down: no more polls from its watcher
        assertThat(context.result()).as("a controller going down does not end the step").isNotDone();
        assertThat(new String(saved, StandardCharsets.ISO_8859_1)).doesNotContain(SimulatedEnvironment.TOKEN);

        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
        StepExecution resumed = (StepExecution) new ObjectInputStream(new ByteArrayInputStream(saved)).readObject();
        TestStepContext resumedContext = (TestStepContext) resumed.getContext();
        resumed.onResume();
        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(resumedContext);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
        assertThat(result.get("project")).isEqualTo(SLOW);
        assertThat(resumedContext.log()).contains("Resuming the wait for CircleCI pipeline #")
                .doesNotContain(SimulatedEnvironment.TOKEN);
        assertThat(simulator.journal().requests("POST", "/project/.*/pipeline")).as("triggered once").hasSize(1);
    }

    @Test
    void anAbortThatCircleCiNeverHeardOfBeforeARestartIsCarriedOutOnResume() throws Exception {
        String id = triggerWithoutWaiting(SLOW);
        TestStepContext context = new TestStepContext();
        CountDownLatch oldControllerBusy = environment.occupyBlockingThreads();
        try {
            StepExecution execution = start(waitFor(id), context);
            execution.stop(new FlowInterruptedException(Result.ABORTED, true, new TestCause()));
            byte[] saved = serialize(execution);
            // The controller goes down before the wait got a thread: CircleCI never heard of the abort.
            environment.close();
            assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel")).isEmpty();

            environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
            StepExecution resumed = (StepExecution) new ObjectInputStream(new ByteArrayInputStream(saved))
                    .readObject();
            TestStepContext resumedContext = (TestStepContext) resumed.getContext();
            resumed.onResume();

            assertThat(environment.awaitFailure(resumedContext)).isInstanceOfSatisfying(
                    FlowInterruptedException.class, e -> assertThat(e.getResult()).isSameAs(Result.ABORTED));
            awaitCancelRequest(resumedContext);
            assertThat(workflowStatuses()).as("what CircleCI now says").containsExactly("canceled");
            assertThat(resumedContext.log()).contains("aborted around a Jenkins restart")
                    .contains("Aborting: canceling the running workflows of CircleCI pipeline");
        } finally {
            oldControllerBusy.countDown();
        }
    }

    @Test
    void aStopBeforeTheResumeIsCarriedOutOnResume() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(SLOW), context);
        environment.awaitLog(context, "workflow build");
        byte[] saved = serialize(execution);
        environment.close();

        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
        StepExecution resumed = (StepExecution) new ObjectInputStream(new ByteArrayInputStream(saved)).readObject();
        TestStepContext resumedContext = (TestStepContext) resumed.getContext();
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());
        resumed.stop(abort); // Jenkins may stop a step before it has resumed it
        resumed.onResume();

        assertThat(environment.awaitFailure(resumedContext)).isSameAs(abort);
        awaitCancelRequest(resumedContext);
        assertThat(workflowStatuses()).as("what CircleCI now says").containsExactly("canceled");
    }

    @Test
    void anAbortAroundARestartDuringTheTriggerSaysThePipelineMayExist() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(SLUGGISH), context);
        environment.awaitLog(context, "Triggering a CircleCI pipeline for " + SLUGGISH);
        byte[] saved = serialize(execution); // the trigger request is in flight: no pipeline saved
        environment.close();

        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
        StepExecution resumed = (StepExecution) new ObjectInputStream(new ByteArrayInputStream(saved)).readObject();
        TestStepContext resumedContext = (TestStepContext) resumed.getContext();
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());
        resumed.stop(abort);
        resumed.onResume();

        assertThat(environment.awaitFailure(resumedContext)).isSameAs(abort);
        assertThat(resumedContext.log()).contains("it is not known whether CircleCI created it, so nothing was "
                + "canceled. Look at the project's pipelines: <a href=\"" + simulator.baseUrl().replaceAll("/+$", "")
                + "/pipelines/github/acme/sluggish\">the project's pipelines</a>")
                .doesNotContain(SimulatedEnvironment.TOKEN);
    }

    @Test
    void aWaitThatOutlivesItsTimeoutFailsWithAMessage() throws Exception {
        CircleCiTriggerStep step = trigger(SLOW);
        step.setTimeout("5m");
        step.setPropagate(false);
        TestStepContext context = new TestStepContext();
        start(step, context);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).as("a timeout is no CircleCI result, even without propagate")
                .isInstanceOf(AbortException.class);
        assertThat(failure.getMessage()).isNotBlank().doesNotContain(SimulatedEnvironment.TOKEN);
    }

    @Test
    void waitingForAnUnknownPipelineSaysSo() throws Exception {
        CircleCiWaitStep wait = new CircleCiWaitStep("00000000-0000-4000-8000-000000000000");
        wait.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        TestStepContext context = new TestStepContext();
        start(wait, context);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOf(AbortException.class);
        assertThat(failure.getMessage()).isNotBlank().doesNotContain(SimulatedEnvironment.TOKEN);
    }

    @Test
    void theDefaultCredentialsComeFromTheGlobalSettings() throws Exception {
        environment.close();
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock,
                SimulatedEnvironment.CREDENTIALS_ID);
        TestStepContext context = new TestStepContext();
        start(new CircleCiTriggerStep(GREEN), context);

        assertThat(((Map<?, ?>) environment.awaitSuccess(context)).get("result")).isEqualTo("SUCCESS");
    }

    @Test
    void unknownCredentialsFailWithTheIdAndNoStackTrace() throws Exception {
        CircleCiTriggerStep step = new CircleCiTriggerStep(GREEN);
        step.setCredentialsId("nope");
        TestStepContext context = new TestStepContext();
        start(step, context);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOf(AbortException.class).hasMessageContaining("'nope'");
        assertThat(simulator.journal().requests("POST", "/project/")).isEmpty();
    }

    @Test
    void noCredentialsAtAllFailAtOnceSayingWhatToDo() {
        TestStepContext context = new TestStepContext();
        CircleCiTriggerStep step = new CircleCiTriggerStep(GREEN);

        assertThatStartFails(step, context).hasMessageContaining("credentialsId")
                .hasMessageContaining("Manage Jenkins > System > CircleCI");
    }

    @Test
    void badOptionsFailAtOnceWithTheCoreMessage() {
        CircleCiTriggerStep both = trigger(GREEN);
        both.setBranch("main");
        both.setTag("v1");
        assertThatStartFails(both, new TestStepContext()).hasMessageContaining("Both a branch");

        CircleCiTriggerStep badParameter = trigger(GREEN);
        badParameter.setParameters(Map.of("when", List.of("not", "allowed")));
        assertThatStartFails(badParameter, new TestStepContext()).hasMessageContaining("'when'");

        CircleCiTriggerStep badTimeout = trigger(GREEN);
        badTimeout.setTimeout("soon");
        assertThatStartFails(badTimeout, new TestStepContext()).hasMessageContaining("'soon'");

        CircleCiTriggerStep badSlug = trigger("acme/api");
        assertThatStartFails(badSlug, new TestStepContext()).hasMessageContaining("gh/<org>/<repo>");

        CircleCiWaitStep badId = new CircleCiWaitStep("42");
        badId.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        assertThatStartFails(badId, new TestStepContext()).hasMessageContaining("not the pipeline number");
    }

    @Test
    void aTimeoutTooLongForADeadlineFailsBeforeAnythingIsTriggered() {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setTimeout("99999999999999h");

        assertThatStartFails(step, new TestStepContext()).hasMessageContaining("too long").hasMessageContaining("30d");

        assertThat(simulator.journal().requests("POST", "/project/")).as("no pipeline was created").isEmpty();
        assertThat(simulator.pipelineIds()).isEmpty();
    }

    @Test
    void waitingWithATimeoutTooLongForADeadlineFailsAtOnceWithAMessage() {
        CircleCiWaitStep wait = new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b");
        wait.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        wait.setTimeout("99999999999999h");

        assertThatStartFails(wait, new TestStepContext()).hasMessageContaining("too long");
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertThatStartFails(
            CircleCiStep step, TestStepContext context) {
        return org.assertj.core.api.Assertions.assertThatThrownBy(() -> step.start(context).start())
                .isInstanceOf(AbortException.class);
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static final class TestCause extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;

        @Override
        public String getShortDescription() {
            return "Aborted by a test";
        }
    }

    @Test
    void anAbortWhoseGraceRunsOutBeforeTheTriggerReturnsStillCancelsThePipeline() throws Exception {
        environment.abortGrace(Duration.ofMillis(20)); // CircleCI takes 300 ms to answer this project's trigger
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(trigger(SLUGGISH), context);
        environment.awaitLog(context, "Triggering a CircleCI pipeline for " + SLUGGISH);
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true, new TestCause());

        execution.stop(abort);

        assertThat(environment.awaitFailure(context)).as("failed by the grace, the trigger still in flight")
                .isSameAs(abort);
        awaitCancelRequest(context);
        assertThat(simulator.journal().requests("POST", "/project/.*/pipeline")).as("triggered once").hasSize(1);
        assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel")).hasSize(1);
        assertThat(workflowStatuses()).as("what CircleCI now says").containsExactly("canceled");
        assertThat(context.log()).contains("its step has already ended, but CircleCI pipeline #1 (" + SLUGGISH
                + ") exists now: canceling its running workflows.")
                .doesNotContain(SimulatedEnvironment.TOKEN);
    }

    @Test
    void anAbortWhoseGraceRunsOutBeforeTheTriggerReturnsLeavesThePipelineRunningWithoutCancelOnAbort()
            throws Exception {
        environment.abortGrace(Duration.ofMillis(20));
        CircleCiTriggerStep step = trigger(SLUGGISH);
        step.setCancelOnAbort(false);
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(step, context);
        environment.awaitLog(context, "Triggering a CircleCI pipeline for " + SLUGGISH);

        execution.stop(new FlowInterruptedException(Result.ABORTED, true, new TestCause()));

        environment.awaitFailure(context);
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!context.log().contains("exists now: it keeps running in CircleCI (cancelOnAbort: false).")) {
            assertThat(System.nanoTime()).as("the late pipeline was reported; log:\n" + context.log())
                    .isLessThan(giveUp);
            Thread.sleep(5);
        }
        assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel")).isEmpty();
    }
}
