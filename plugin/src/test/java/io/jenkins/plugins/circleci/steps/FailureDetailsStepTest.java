package io.jenkins.plugins.circleci.steps;

import static io.jenkins.plugins.circleci.steps.SimulatedEnvironment.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.StepSpec;
import io.jenkins.plugins.circleci.simulator.scenario.TestSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What failed, in the step's console and return value, without Jenkins: failed jobs, failed tests, the failing
 * step's last lines; waitFor and onTimeout; none of it able to change the outcome or show the token.
 */
class FailureDetailsStepTest {
    private static final String TWO_TESTS = "gh/acme/two-tests";
    private static final String MANY = "gh/acme/many";
    private static final String NO_TESTS_ENDPOINT = "gh/acme/no-tests-endpoint";
    private static final String SLOW = "gh/acme/slow";
    private static final String OUTPUT = "\u001b[1m> Task :test\u001b[0m\r\n"
            + "export CIRCLE_TOKEN=" + SimulatedEnvironment.TOKEN + "\r\n"
            + "CartTest > addsItem FAILED\r\n"
            + "    expected: <3> but was: <2>\r\n"
            + "CartTest > removesItem FAILED\r\n"
            + "3 tests completed, 2 failed\r\n";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator simulator;
    private SimulatedEnvironment environment;

    @BeforeEach
    void start() {
        List<TestSpec> tests = List.of(TestSpec.passed("com.acme.CartTest", "total"),
                TestSpec.failed("com.acme.CartTest", "addsItem", "expected: <3> but was: <2>"),
                TestSpec.failed("com.acme.CartTest", "removesItem", "java.lang.NullPointerException: cart"));
        JobSpec test = JobSpec.build("test", Duration.ofSeconds(20), "failed").withTestResults(tests)
                .withSteps(List.of(StepSpec.of("Checkout code", "ok\r\n"), StepSpec.failing("Run tests", OUTPUT)))
                .withOutputEncoding("gzip");
        Scenario scenario = Scenario.builder()
                .project(TWO_TESTS, p -> p.workflow("build", w -> w.job("checkout", Duration.ofSeconds(5)).job(test)))
                .project(MANY, p -> p.workflow("build", w -> w.job(JobSpec.build("test", Duration.ofSeconds(5),
                        "failed").withGeneratedTests(0, 5000, 0))))
                .project(NO_TESTS_ENDPOINT, p -> p.workflow("build", w -> w.job(test.withOutputUrlTtl(Duration.ZERO))))
                .project(SLOW, p -> p.workflow("build", w -> w.job("test", Duration.ofHours(2))))
                .fault(FaultRule.status(404).on("GET", "no-tests-endpoint/[0-9]+/tests$"))
                .build();
        simulator = CircleCiSimulator.builder().port(0).clock(clock).scenario(scenario).start();
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
    }

    @AfterEach
    void stop() throws Exception {
        environment.close();
        simulator.close();
    }

    private TestStepContext run(CircleCiStep step) throws Exception {
        TestStepContext context = new TestStepContext();
        assertThat(step.start(context).start()).isFalse();
        return context;
    }

    /** The console lines about one failed job: its "Failed job" line and the indented ones after it. */
    private static List<String> jobLines(String log, String job) {
        List<String> lines = log.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("Failed job " + job + " ")) {
            start++;
        }
        assertThat(start).as("a 'Failed job' line in:\n" + log).isLessThan(lines.size());
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith("  ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    @Test
    void aJobFailingOnTwoTestsShowsBothWithMessagesAndTheLastLinesInUnder30ConsoleLines() throws Exception {
        CircleCiTriggerStep step = trigger(TWO_TESTS);
        step.setLogTail(10);
        TestStepContext context = run(step);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOf(FlowInterruptedException.class);
        assertThat(((FlowInterruptedException) failure).getResult()).as("the outcome is untouched")
                .isEqualTo(Result.FAILURE);
        List<String> job = jobLines(context.log(), "test");
        assertThat(job).hasSizeLessThan(30);
        assertThat(String.join("\n", job)).contains(
                "of workflow build: failed after 20s <a href=\"" + simulator.baseUrl() + "/pipelines/",
                "  2 failed tests:",
                "    - com.acme.CartTest.addsItem",
                "        expected: <3> but was: <2>",
                "    - com.acme.CartTest.removesItem",
                "        java.lang.NullPointerException: cart",
                "  Last 8 lines of step \"Run tests\":",
                "    | > Task :test",
                "    | export CIRCLE_TOKEN=****",
                "    | 3 tests completed, 2 failed",
                "    | Exited with code exit status 1");
        assertThat(context.log()).doesNotContain(SimulatedEnvironment.TOKEN).doesNotContain("\u001b[");
        List<JournalEntry> output = simulator.journal().requests("GET", "^/action-output/");
        assertThat(output).hasSize(1);
        assertThat(output.get(0).headers()).doesNotContainKeys("circle-token", "authorization");
    }

    @Test
    void theReturnValueCarriesTheFailedJobsForScripts() throws Exception {
        CircleCiTriggerStep step = trigger(TWO_TESTS);
        step.setPropagate(false);
        step.setLogTail(2);
        TestStepContext context = run(step);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("FAILURE");
        List<?> failedJobs = (List<?>) result.get("failedJobs");
        Map<?, ?> job = (Map<?, ?>) failedJobs.get(0);
        assertThat(job.get("name")).isEqualTo("test");
        assertThat(job.get("workflow")).isEqualTo("build");
        assertThat(job.get("logTail")).isEqualTo("\nExited with code exit status 1");
        List<?> tests = (List<?>) job.get("tests");
        List<Object> names = tests.stream().map(t -> (Object) ((Map<?, ?>) t).get("name")).toList();
        assertThat(names).containsExactly("addsItem", "removesItem");
        assertThat(((Map<?, ?>) tests.get(0)).get("message")).isEqualTo("expected: <3> but was: <2>");
    }

    @Test
    void fiveThousandFailedTestsCostABoundedNumberOfRequests() throws Exception {
        TestStepContext context = run(trigger(MANY));

        environment.awaitFailure(context);

        assertThat(simulator.journal().count("GET", "/tests")).isEqualTo(5);
        assertThat(jobLines(context.log(), "test")).hasSizeLessThan(30)
                .contains("  100 failed tests in the first test results read:");
    }

    @Test
    void aMissingTestsEndpointAndAnExpiredOutputLinkAreWarningsAndChangeNothing() throws Exception {
        CircleCiTriggerStep step = trigger(NO_TESTS_ENDPOINT);
        step.setLogTail(5);
        TestStepContext context = run(step);

        Throwable failure = environment.awaitFailure(context);

        assertThat(((FlowInterruptedException) failure).getResult()).isEqualTo(Result.FAILURE);
        assertThat(context.log()).contains("WARNING: Could not read the test results of job test",
                "WARNING: Could not read the output of job test", "Request has expired")
                .doesNotContain("Signature=");
    }

    @Test
    void waitForCreatedReturnsWithoutAResultAndFailsNothing() throws Exception {
        CircleCiTriggerStep step = trigger(SLOW);
        step.setWaitFor("created");
        TestStepContext context = run(step);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isNull();
        assertThat(result.get("state")).isEqualTo("created");
        assertThat((List<?>) result.get("failedJobs")).isEmpty();
        assertThat(context.log()).contains("waitFor: created");
    }

    @Test
    void onTimeoutUnstableMakesTheTimeoutUnstable() throws Exception {
        CircleCiTriggerStep step = trigger(SLOW);
        step.setTimeout("10m");
        step.setOnTimeout("unstable");
        step.setCancelOnAbort(false);
        TestStepContext context = run(step);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOf(FlowInterruptedException.class);
        assertThat(((FlowInterruptedException) failure).getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(context.log()).contains("Timed out after 10m");

        CircleCiTriggerStep notPropagated = trigger(SLOW);
        notPropagated.setTimeout("10m");
        notPropagated.setOnTimeout("abort");
        notPropagated.setPropagate(false);
        notPropagated.setCancelOnAbort(false);
        TestStepContext second = run(notPropagated);
        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(second);
        assertThat(result.get("result")).isEqualTo("ABORTED");
    }

    @Test
    void theDefaultTimeoutStillFailsTheStep() throws Exception {
        CircleCiTriggerStep step = trigger(SLOW);
        step.setTimeout("10m");
        step.setCancelOnAbort(false);
        TestStepContext context = run(step);

        assertThat(environment.awaitFailure(context)).isInstanceOf(AbortException.class)
                .hasMessageContaining("Timed out after 10m");
    }

    @Test
    void contradictoryOrBadOptionsAreRefusedBeforeAnythingIsTriggered() throws Exception {
        CircleCiTriggerStep both = trigger(TWO_TESTS);
        both.setWait(false);
        both.setWaitFor("workflows");
        assertThat(catchAbort(both)).contains("wait: false", "waitFor");

        CircleCiTriggerStep badWait = trigger(TWO_TESTS);
        badWait.setWaitFor("started");
        assertThat(catchAbort(badWait)).contains("created, workflows, completed");

        CircleCiTriggerStep badTimeout = trigger(TWO_TESTS);
        badTimeout.setOnTimeout("ignore");
        assertThat(catchAbort(badTimeout)).contains("fail, unstable, abort");

        CircleCiTriggerStep badTail = trigger(TWO_TESTS);
        badTail.setLogTail(5000);
        assertThat(catchAbort(badTail)).contains("logTail", "1000");

        assertThat(simulator.pipelineIds()).as("nothing was triggered").isEmpty();
    }

    private static String catchAbort(CircleCiStep step) {
        try {
            step.start(new TestStepContext()).start();
        } catch (AbortException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError("expected an AbortException", e);
        }
        throw new AssertionError("the step started");
    }

    @Test
    void anAbortWhileTheReportIsReadCancelsNothingSaysSoAndEndsAtOnce() throws Exception {
        CircleCiTriggerStep step = trigger(TWO_TESTS);
        step.setLogTail(10);
        TestStepContext context = new TestStepContext();
        StepExecution execution = step.start(context);
        assertThat(execution.start()).isFalse();
        // The report is read on the blocking threads: with all of them busy, it waits there once the outcome is known.
        CountDownLatch release = environment.occupyBlockingThreads();
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true);
        try {
            environment.awaitQueuedBlockingWork(context);

            execution.stop(abort);

            assertThat(environment.awaitFailure(context)).as("ends at once, with the abort").isSameAs(abort);
        } finally {
            release.countDown();
        }
        environment.drainBlocking();
        assertThat(context.log())
                .contains("Aborting: CircleCI pipeline #1 (" + TWO_TESTS + ") had already ended (FAILURE), so "
                        + "nothing was canceled; its report was cut short.")
                .doesNotContain("canceling the running workflows").doesNotContain("Failed job test");
        assertThat(simulator.journal().requests("POST", "/cancel")).as("nothing was left to cancel").isEmpty();
        assertThat(simulator.journal().count("GET", "/tests")).as("the report was not read after the abort")
                .isZero();
    }

    @Test
    void anAbortAfterAWaitForWorkflowsSaysThePipelineIsLeftAsItIs() throws Exception {
        CircleCiTriggerStep step = trigger(SLOW);
        step.setWaitFor("workflows");
        TestStepContext context = new TestStepContext();
        StepExecution execution = step.start(context);
        assertThat(execution.start()).isFalse();
        CountDownLatch release = environment.occupyBlockingThreads();
        FlowInterruptedException abort = new FlowInterruptedException(Result.ABORTED, true);
        try {
            environment.awaitQueuedBlockingWork(context);

            execution.stop(abort);

            assertThat(environment.awaitFailure(context)).isSameAs(abort);
        } finally {
            release.countDown();
        }
        assertThat(context.log()).contains("Aborting: the wait for CircleCI pipeline #1 (" + SLOW + ") had already "
                + "ended (workflows created), so nothing was canceled and the pipeline is left as it is in CircleCI; "
                + "its report was cut short.").doesNotContain("canceling the running workflows");
        assertThat(simulator.journal().requests("POST", "/cancel")).isEmpty();
    }

    @Test
    void junitWithoutABuildRecordsNothingAndChangesNothing() throws Exception {
        CircleCiTriggerStep step = trigger(TWO_TESTS);
        step.setJunit(true);
        step.setPropagate(false);
        TestStepContext context = run(step);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("FAILURE");
        assertThat(simulator.journal().count("GET", "/tests")).as("read for the report and for JUnit").isEqualTo(3);
    }
}
