package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code run}'s parameter check against the branch's config, end to end against the simulator. */
class ParameterValidationTest {
    private static final String PROJECT = "gh/acme/api";
    private static final String CONFIG = """
            version: 2.1
            parameters:
              deploy-env: {type: enum, enum: [dev, prod], default: dev}
              shards: {type: integer, default: 1}
              version: {type: string, default: ""}
            """;
    private static final String CONFIG_ROUTE = "^/pipeline/[^/]+/config$";
    private static final String TRIGGER_ROUTE = "^/project/.*/pipeline$";

    private static Simulated simulated() {
        return new Simulated(Scenario.builder().project(PROJECT, p -> p.config(CONFIG)
                .workflow("build", w -> w.job("test", Duration.ofMillis(200)))).build());
    }

    /** An earlier pipeline on main, whose config the check reads. */
    private static void earlierPipeline(Simulated sim) {
        CliRun first = sim.cli("run", "--project", PROJECT, "--branch", "main", "--no-wait");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(first.err()).as("no parameters: nothing checked, nothing said").doesNotContain("parameters");
        assertThat(sim.simulator.journal().count("GET", CONFIG_ROUTE)).isZero();
    }

    @Test
    void aMisspeltNameOrAWronglyTypedValueExitsTwoBeforeAnythingIsTriggered() {
        try (Simulated sim = simulated()) {
            earlierPipeline(sim);
            CliRun run = sim.cli("run", "--project", PROJECT, "--branch", "main", "--param", "deploy_env=prod",
                    "--param", "version=2", "--param", "shards=three");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err())
                    .contains("do not match those declared in the config of pipeline #1 (branch main) of "
                            + "gh/acme/api, so nothing was triggered")
                    .contains("'deploy_env' is not declared; did you mean 'deploy-env'?")
                    .contains("'version' is a string but was given an integer")
                    .contains("--string-param")
                    .contains("'shards' is an integer but was given a string")
                    .contains("Declared there: deploy-env (enum: dev, prod), shards (integer), version (string).")
                    .contains("--no-validate-parameters")
                    .doesNotContain("three");
            assertThat(sim.simulator.pipelineIds()).as("only the earlier pipeline").hasSize(1);
            assertThat(sim.simulator.journal().count("POST", TRIGGER_ROUTE)).isEqualTo(1);
        }
    }

    @Test
    void matchingParametersAreSaidToBeCheckedAndTriggered() {
        try (Simulated sim = simulated()) {
            earlierPipeline(sim);
            CliRun run = sim.cli("run", "--project", PROJECT, "--branch", "main", "--param", "deploy-env=prod",
                    "--param", "shards=3", "--string-param", "version=2", "--no-wait");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.err()).contains("Pipeline parameters [deploy-env, shards, version] match those declared "
                    + "in the config of pipeline #1 (branch main).");
            assertThat(sim.simulator.pipelineIds()).hasSize(2);
            assertThat(sim.simulator.journal().count("GET", CONFIG_ROUTE)).isEqualTo(1);
        }
    }

    @Test
    void noValidateParametersSendsThemUncheckedWithoutReadingAnything() {
        try (Simulated sim = simulated()) {
            earlierPipeline(sim);
            long lists = sim.simulator.journal().count("GET", TRIGGER_ROUTE);
            CliRun run = sim.cli("run", "--project", PROJECT, "--branch", "main", "--param", "deploy_env=prod",
                    "--no-validate-parameters", "--no-wait");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.err()).doesNotContain("parameters");
            assertThat(sim.simulator.pipelineIds()).hasSize(2);
            assertThat(sim.simulator.journal().count("GET", CONFIG_ROUTE)).isZero();
            assertThat(sim.simulator.journal().count("GET", TRIGGER_ROUTE)).isEqualTo(lists);
        }
    }

    @Test
    void withoutAnEarlierPipelineItSaysSoAndTriggers() {
        try (Simulated sim = simulated()) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--branch", "main", "--param", "anything=1",
                    "--no-wait");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.err()).contains("Note: the pipeline parameters were not checked against the project's "
                    + "config (there is no earlier pipeline on branch main to read the config from); triggering "
                    + "anyway.");
            assertThat(sim.simulator.pipelineIds()).hasSize(1);
        }
    }
}
