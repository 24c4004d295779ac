package io.jenkins.plugins.circleci.steps;

import static io.jenkins.plugins.circleci.steps.SimulatedEnvironment.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.TriggerRefs;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code artifacts: true} and pipeline/run's separate refs, without Jenkins: the artifacts reach the console and the
 * return value whatever the result, and listing them can neither fail a green build nor pass a red one.
 */
class ArtifactsStepTest {
    private static final String GREEN = "gh/acme/green";
    private static final String RED = "gh/acme/red";
    private static final String BROKEN_LIST = "gh/acme/broken-list";
    private static final String DEFINITION = "2338d0ae-5541-4bbf-88a2-55e9f7281f80";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator simulator;
    private SimulatedEnvironment environment;

    @BeforeEach
    void start() {
        Scenario scenario = Scenario.builder()
                .project(GREEN, p -> p.workflow("build", w -> w
                        .job(JobSpec.build("compile", Duration.ofSeconds(5), "success").withArtifacts(2))
                        .approval("hold")
                        .job(JobSpec.build("package", Duration.ofSeconds(5), "success").withArtifacts(1))))
                .project(RED, p -> p.workflow("build", w -> w
                        .job(JobSpec.build("test", Duration.ofSeconds(5), "failed").withArtifacts(1))))
                .project(BROKEN_LIST, p -> p.workflow("build", w -> w
                        .job(JobSpec.build("test", Duration.ofSeconds(5), "failed").withArtifacts(1))))
                .fault(FaultRule.status(500).on("GET", "broken-list/[0-9]+/artifacts$"))
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

    /** The approval job holds the workflow: approves it as a person would, once it is on hold. */
    private void approveWhenHeld() throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            if (!simulator.pipelineIds().isEmpty() && simulator.approveHeld(simulator.pipelineIds().get(0)) > 0) {
                return;
            }
            clock.advance(Duration.ofSeconds(1));
            Thread.sleep(5);
        }
        throw new AssertionError("the approval job was never on hold");
    }

    @Test
    void aGreenPipelinesArtifactsAreReturnedAndShown() throws Exception {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setArtifacts(true);
        TestStepContext context = run(step);
        approveWhenHeld();

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
        List<?> artifacts = (List<?>) result.get("artifacts");
        assertThat(artifacts).hasSize(3);
        Map<?, ?> first = (Map<?, ?>) artifacts.get(0);
        assertThat(first.keySet().toString()).isEqualTo("[workflow, job, jobNumber, path, url, nodeIndex]");
        assertThat(first.get("workflow")).isEqualTo("build");
        assertThat(first.get("job")).isEqualTo("compile");
        assertThat(first.get("path")).isEqualTo("artifacts/compile/file-1.txt");
        assertThat((String) first.get("url")).startsWith(simulator.baseUrl() + "/artifacts/");
        assertThat(first.get("nodeIndex")).isEqualTo(0L);
        assertThat(artifacts.stream().map(a -> ((Map<?, ?>) a).get("job")).toList().toString())
                .isEqualTo("[compile, compile, package]");
        assertThat(simulator.journal().requests("GET", "/artifacts$")).as("the approval job is not asked")
                .hasSize(2).allMatch(e -> e.status() == 200);
        assertThat(context.log()).contains("CircleCI artifacts: 3 listed from 2 finished jobs:",
                "  build/compile (#");
        assertThat(context.log()).doesNotContain(SimulatedEnvironment.TOKEN);
    }

    @Test
    void withoutTheOptionNothingIsListedAndTheListIsEmpty() throws Exception {
        CircleCiTriggerStep step = trigger(GREEN);
        TestStepContext context = run(step);
        approveWhenHeld();
        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat((List<?>) result.get("artifacts")).isEmpty();
        assertThat(simulator.journal().count("GET", "/artifacts$")).isZero();
        assertThat(context.log()).doesNotContain("CircleCI artifacts");
    }

    @Test
    void aFailedPipelinesArtifactsAreListedAndTheBuildStillFails() throws Exception {
        CircleCiTriggerStep step = trigger(RED);
        step.setArtifacts(true);
        TestStepContext context = run(step);

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOf(FlowInterruptedException.class);
        assertThat(((FlowInterruptedException) failure).getResult()).isEqualTo(Result.FAILURE);
        assertThat(context.log()).contains("CircleCI artifacts: 1 listed from 1 finished job:",
                "artifacts/test/file-1.txt");
    }

    @Test
    void anArtifactListThatCannotBeReadIsAWarningAndNeverTurnsAFailureIntoASuccess() throws Exception {
        CircleCiTriggerStep step = trigger(BROKEN_LIST);
        step.setArtifacts(true);
        TestStepContext context = run(step);

        Throwable failure = environment.awaitFailure(context);

        assertThat(((FlowInterruptedException) failure).getResult()).isEqualTo(Result.FAILURE);
        assertThat(context.log()).contains("WARNING: Could not list the artifacts of job test (#");

        CircleCiTriggerStep lenient = trigger(BROKEN_LIST);
        lenient.setArtifacts(true);
        lenient.setPropagate(false);
        TestStepContext second = run(lenient);
        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(second);
        assertThat(result.get("result")).isEqualTo("FAILURE");
        assertThat((List<?>) result.get("artifacts")).isEmpty();
    }

    @Test
    void circleciWaitListsArtifactsToo() throws Exception {
        CircleCiTriggerStep step = trigger(RED);
        step.setWait(false);
        Map<?, ?> handle = (Map<?, ?>) environment.awaitSuccess(run(step));
        CircleCiWaitStep wait = new CircleCiWaitStep((String) handle.get("id"));
        wait.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        wait.setArtifacts(true);
        wait.setPropagate(false);

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(run(wait));

        assertThat(result.get("result")).isEqualTo("FAILURE");
        assertThat((List<?>) result.get("artifacts")).hasSize(1);
    }

    @Test
    void separateConfigAndCheckoutRefsReachPipelineRun() throws Exception {
        CircleCiTriggerStep step = trigger(RED);
        step.setDefinitionId(DEFINITION);
        step.setBranch("main");
        step.setConfigBranch("pull/7/merge");
        step.setWait(false);
        TestStepContext context = run(step);
        environment.awaitSuccess(context);

        assertThat(simulator.triggerRefs(simulator.pipelineIds().get(0)))
                .contains(new TriggerRefs("pull/7/merge", null, "main", null, true));
        assertThat(context.log()).contains("gh/acme/red (config branch pull/7/merge, checkout branch main)");
    }

    @Test
    void separateRefsWithoutADefinitionIdFailAtStartAndSendNothing() {
        CircleCiTriggerStep step = trigger(RED);
        step.setCheckoutTag("v1");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> step.start(new TestStepContext()).start())
                .isInstanceOf(hudson.AbortException.class).hasMessageContaining("without a pipeline definition id");
        assertThat(simulator.journal().total()).isZero();
    }
}
