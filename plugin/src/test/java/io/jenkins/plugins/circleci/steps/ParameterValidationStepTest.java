package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** circleciTrigger's validateParameters: the step and its whole run against the simulator, without Jenkins. */
class ParameterValidationStepTest {
    private static final String PROJECT = "gh/acme/api";
    private static final String CONFIG = """
            version: 2.1
            parameters:
              deploy: {type: boolean, default: false}
              env: {type: enum, enum: [staging, prod], default: staging}
            """;
    private static final String CONFIG_ROUTE = "^/pipeline/[^/]+/config$";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator simulator;
    private SimulatedEnvironment environment;

    @BeforeEach
    void start() throws Exception {
        simulator = CircleCiSimulator.builder().port(0).clock(clock).scenario(Scenario.builder()
                .project(PROJECT, p -> p.config(CONFIG).workflow("build", w -> w.job("test", Duration.ofSeconds(5))))
                .build()).start();
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
        // An earlier pipeline on main, whose config the check reads.
        CircleCiTriggerStep earlier = trigger(Map.of());
        earlier.setWait(false);
        TestStepContext context = new TestStepContext();
        earlier.start(context).start();
        environment.awaitSuccess(context);
    }

    @AfterEach
    void stop() throws Exception {
        environment.close();
        simulator.close();
    }

    private static CircleCiTriggerStep trigger(Map<String, Object> parameters) {
        CircleCiTriggerStep step = new CircleCiTriggerStep(PROJECT);
        step.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        step.setBranch("main");
        step.setParameters(parameters);
        return step;
    }

    @Test
    void onByDefaultAndCarriedIntoTheSavedOptions() {
        CircleCiTriggerStep step = new CircleCiTriggerStep(PROJECT);
        assertThat(step.isValidateParameters()).isTrue();
        assertThat(step.toOptions().validateParameters()).isTrue();
        step.setValidateParameters(false);
        assertThat(step.isValidateParameters()).isFalse();
        assertThat(step.toOptions().validateParameters()).isFalse();
    }

    @Test
    void aMismatchFailsTheStepBeforeAnythingIsTriggered() throws Exception {
        CircleCiTriggerStep step = trigger(Map.of("deploy", "true", "ENV", "prod"));
        TestStepContext context = new TestStepContext();
        step.start(context).start();

        Throwable failure = environment.awaitFailure(context);

        assertThat(failure).isInstanceOf(AbortException.class)
                .hasMessageContaining("do not match those declared in the config of pipeline #1 (branch main) of "
                        + PROJECT + ", so nothing was triggered")
                .hasMessageContaining("'deploy' is a boolean but was given a string")
                .hasMessageContaining("'ENV' is not declared; did you mean 'env'?")
                .hasMessageContaining("validateParameters: false")
                .hasMessageNotContaining(SimulatedEnvironment.TOKEN);
        assertThat(simulator.pipelineIds()).as("only the earlier pipeline").hasSize(1);
        assertThat(context.log()).doesNotContain("Triggering a CircleCI pipeline");
    }

    @Test
    void matchingParametersAreCheckedSaidAndTriggered() throws Exception {
        CircleCiTriggerStep step = trigger(Map.of("deploy", true));
        step.setWait(false);
        TestStepContext context = new TestStepContext();
        step.start(context).start();

        environment.awaitSuccess(context);

        assertThat(context.log()).contains("Pipeline parameters [deploy] match those declared in the config of "
                + "pipeline #1 (branch main).");
        assertThat(simulator.pipelineIds()).hasSize(2);
    }

    @Test
    void turnedOffNothingIsReadAndTheTriggerGoesOut() throws Exception {
        CircleCiTriggerStep step = trigger(Map.of("deploy", "true"));
        step.setWait(false);
        step.setValidateParameters(false);
        TestStepContext context = new TestStepContext();
        step.start(context).start();

        environment.awaitSuccess(context);

        assertThat(simulator.journal().count("GET", CONFIG_ROUTE)).isZero();
        assertThat(simulator.pipelineIds()).hasSize(2);
    }
}
