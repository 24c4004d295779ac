package io.jenkins.plugins.circleci.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.preflight.PreflightResult.Status;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The check end to end: the real client reading the simulator's pipeline list and config routes. */
class ParameterPreflightAgainstSimulatorTest {
    private static final String TOKEN = "sim-token-0123456789";
    private static final String SLUG = "gh/acme/api";
    private static final String CONFIG = """
            version: 2.1
            parameters:
              deploy-env: {type: enum, enum: [dev, prod], default: dev}
              run-e2e: {type: boolean, default: false}
            workflows:
              build: {jobs: [test]}
            """;
    private static final String LIST = "^/project/gh/acme/api/pipeline$";
    private static final String CONFIG_ROUTE = "^/pipeline/[^/]+/config$";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private CircleCiClient client;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(UnaryOperator<Scenario.Builder> scenario) {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(scenario.apply(Scenario.builder()).build()).start();
        // Retries as a trigger's client does: the check's reads must not retry all the same.
        client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token(TOKEN).clock(clock)
                .retryPolicy(RetryPolicy.defaults()).sleeper(clock::advance)
                .budget(RequestBudget.create(new RateLimit(50, 100), clock)).build();
    }

    private static TriggerRequest onMain(Map<String, Object> parameters) {
        return TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main").parameters(parameters).build();
    }

    private void triggerOnce(String branch) {
        client.trigger(TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch(branch).build());
    }

    @Test
    void checksAgainstTheNewestPipelineOfTheBranchInTwoRequestsAndRefusesAMismatchBeforeTriggering() {
        start(s -> s.project(SLUG, p -> p.config(CONFIG).workflow("build", w -> w.job("test", Duration.ofSeconds(1)))));
        // No earlier pipeline on main: not checked, and nothing else read.
        PreflightResult first = ParameterPreflight.check(client, onMain(Map.of("deploy-env", "prod")));
        assertThat(first.status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(first.line().orElseThrow()).contains("no earlier pipeline on branch main");
        assertThat(sim.journal().count("GET", CONFIG_ROUTE)).isZero();

        triggerOnce("feature");
        triggerOnce("main");
        triggerOnce("feature");
        long before = sim.journal().total();
        // In the order given (a TreeMap here, for a fixed one), as the line names them.
        PreflightResult checked = ParameterPreflight.check(client, onMain(new TreeMap<>(Map.of("deploy-env", "prod",
                "run-e2e", true))));
        assertThat(checked.status()).isEqualTo(Status.CHECKED);
        assertThat(checked.line().orElseThrow()).isEqualTo("Pipeline parameters [deploy-env, run-e2e] match those "
                + "declared in the config of pipeline #2 (branch main).");
        assertThat(sim.journal().total() - before).as("two requests").isEqualTo(2);
        assertThat(sim.journal().requests("GET", LIST)).last()
                .satisfies(e -> assertThat(e.query()).isEqualTo("branch=main"));

        int pipelines = sim.pipelineIds().size();
        assertThatThrownBy(() -> ParameterPreflight.check(client, onMain(Map.of("deploy_env", "prod",
                "run-e2e", "true"))))
                .isInstanceOf(ParameterMismatchException.class)
                .hasMessageContaining("pipeline #2 (branch main) of gh/acme/api, so nothing was triggered")
                .hasMessageContaining("'deploy_env' is not declared; did you mean 'deploy-env'?")
                .hasMessageContaining("'run-e2e' is a boolean but was given a string")
                .hasMessageNotContaining(TOKEN);
        assertThat(sim.pipelineIds()).hasSize(pipelines);
    }

    @Test
    void aDynamicConfigProjectIsCheckedAgainstItsSetupConfig() {
        start(s -> s.project(SLUG, p -> p.config(CONFIG.replace("version: 2.1", "version: 2.1\nsetup: true"))
                .continuationConfig("version: 2.1\nparameters:\n  other: {type: string, default: a}\n")
                .setupWorkflow("setup", w -> w.job("generate", Duration.ofSeconds(1)))
                .workflow("build", w -> w.job("test", Duration.ofSeconds(1)))));
        triggerOnce("main");
        assertThat(ParameterPreflight.check(client, onMain(Map.of("run-e2e", true))).line().orElseThrow())
                .contains("the setup config of pipeline #1 (branch main)");
        assertThatThrownBy(() -> ParameterPreflight.check(client, onMain(Map.of("other", "b"))))
                .isInstanceOf(ParameterMismatchException.class);
    }

    @Test
    void aServerErrorOrAMissingEndpointIsANoteAfterOneRequestNotARetrySchedule() {
        start(s -> s.project(SLUG, p -> p.config(CONFIG)).fault(FaultRule.status(503).on("GET", "/config$")));
        triggerOnce("main");
        PreflightResult result = ParameterPreflight.check(client, onMain(Map.of("deploy-env", "prod")));
        assertThat(result.status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(result.line().orElseThrow()).contains("the config of pipeline #1 (branch main) could not be read")
                .doesNotContain(TOKEN);
        assertThat(sim.journal().count("GET", CONFIG_ROUTE)).isEqualTo(1);
    }

    @Test
    void aServerWithoutTheConfigEndpointIsANote() {
        start(s -> s.project(SLUG, p -> p.config(CONFIG)).fault(FaultRule.status(404).on("GET", "/config$")));
        triggerOnce("main");
        assertThat(ParameterPreflight.check(client, onMain(Map.of("deploy-env", "prod"))).status())
                .isEqualTo(Status.NOT_CHECKED);
    }

    @Test
    void garbageForAnAnswerIsANote() {
        start(s -> s.project(SLUG, p -> p.config(CONFIG)).fault(FaultRule.malformedJson().on("GET", "/config$")));
        triggerOnce("main");
        assertThat(ParameterPreflight.check(client, onMain(Map.of("deploy-env", "prod"))).line().orElseThrow())
                .contains("the config of pipeline #1 (branch main) could not be read");
        assertThat(sim.journal().count("GET", CONFIG_ROUTE)).isEqualTo(1);
    }

    @Test
    void aProjectWhoseConfigIsEmptyIsANote() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(1)))));
        triggerOnce("main");
        assertThat(ParameterPreflight.check(client, onMain(Map.of("x", "y"))).line().orElseThrow())
                .contains("the config of pipeline #1 (branch main) is empty");
    }
}
