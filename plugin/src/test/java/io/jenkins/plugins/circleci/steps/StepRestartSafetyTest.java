package io.jenkins.plugins.circleci.steps;

import static io.jenkins.plugins.circleci.steps.SimulatedEnvironment.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a controller restart may meet: a safe restart waits while the trigger request is on its way (so the step never
 * has to fail with "not known whether it was triggered" for a restart it could have waited out), and a resumed wait
 * uses the credentials it started with, whatever the global default has become since.
 */
class StepRestartSafetyTest {
    private static final String SLOW = "gh/acme/slow";
    private static final String SLUGGISH = "gh/acme/sluggish";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator simulator;
    private SimulatedEnvironment environment;

    @BeforeEach
    void startSimulator() {
        Scenario scenario = Scenario.builder()
                .project(SLOW, p -> p.workflow("build", w -> w.job("test", Duration.ofHours(2))))
                .project(SLUGGISH, p -> p.workflow("build", w -> w.job("test", Duration.ofHours(2))))
                // CircleCI takes its time to answer this project's trigger (real time: the request is in flight).
                .fault(FaultRule.delay(Duration.ofMillis(400))
                        .on("POST", "/project/gh(%2F|/)acme(%2F|/)sluggish/pipeline"))
                .build();
        simulator = CircleCiSimulator.builder().port(0).clock(clock).scenario(scenario).start();
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, SimulatedEnvironment.CREDENTIALS_ID);
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
    void aSafeRestartWaitsOnlyWhileTheTriggerRequestIsOnItsWay() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = trigger(SLUGGISH).start(context);
        assertThat(execution.blocksRestart()).as("not started").isFalse();

        assertThat(execution.start()).isFalse();
        environment.awaitLog(context, "Triggering a CircleCI pipeline for " + SLUGGISH);
        // CircleCI takes 400 ms to answer: the request is in flight, and no pipeline is saved yet.
        assertThat(execution.blocksRestart()).as("trigger in flight").isTrue();

        environment.awaitLog(context, "(" + SLUGGISH + ") created");
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (execution.blocksRestart()) {
            assertThat(System.nanoTime()).as("no longer blocking once the pipeline is known").isLessThan(giveUp);
            Thread.sleep(5);
        }
        assertThat(((CircleCiStepExecution) execution).runner().state()).as("saved").isNotNull();
        environment.awaitLog(context, "workflow build");
        assertThat(execution.blocksRestart()).as("waiting: a restart resumes the wait").isFalse();
    }

    @Test
    void aResumedWaitKeepsTheCredentialsItStartedWithWhenTheDefaultIsClearedMeanwhile() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(new CircleCiTriggerStep(SLOW), context); // the global default credentials
        environment.awaitLog(context, "workflow build");
        byte[] saved = serialize(execution);
        environment.close();
        assertThat(new String(saved, StandardCharsets.ISO_8859_1)).as("the id is saved, never the token")
                .contains(SimulatedEnvironment.CREDENTIALS_ID).doesNotContain(SimulatedEnvironment.TOKEN);

        // An administrator clears the default while the build waits, then the controller restarts.
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
        Map<?, ?> result = resume(saved);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
    }

    @Test
    void aStepSavedBeforeTheIdWasKeptResolvesTheDefaultAgainOnResume() throws Exception {
        TestStepContext context = new TestStepContext();
        StepExecution execution = start(new CircleCiTriggerStep(SLOW), context);
        environment.awaitLog(context, "workflow build");
        // As saved by an earlier version of the plugin: no credentials id in the runner.
        Field id = CircleCiWaitRunner.class.getDeclaredField("credentialsId");
        id.setAccessible(true);
        id.set(((CircleCiStepExecution) execution).runner(), null);
        byte[] saved = serialize(execution);
        environment.close();

        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, SimulatedEnvironment.CREDENTIALS_ID);
        Map<?, ?> result = resume(saved);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
    }

    private Map<?, ?> resume(byte[] saved) throws Exception {
        StepExecution resumed = (StepExecution) new ObjectInputStream(new ByteArrayInputStream(saved)).readObject();
        TestStepContext resumedContext = (TestStepContext) resumed.getContext();
        resumed.onResume();
        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(resumedContext);
        assertThat(resumedContext.log()).contains("Resuming the wait for CircleCI pipeline #");
        assertThat(simulator.journal().requests("POST", "/project/.*/pipeline")).as("triggered once").hasSize(1);
        return result;
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
