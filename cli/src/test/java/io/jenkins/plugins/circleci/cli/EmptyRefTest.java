package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An empty ref ({@code --branch "$GITHUB_HEAD_REF"} on a push event) is refused before anything is sent: core would
 * read it as no ref, and CircleCI would build the default branch for a gate that asked for another.
 */
class EmptyRefTest {
    private static final String PROJECT = "gh/acme/api";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--branch          | ''  | --branch is empty; leave it out to build the project's default branch.",
        "--tag             | ''  | --tag is empty; leave it out to build the project's default branch.",
        "--branch          | ' ' | --branch is empty; leave it out to build the project's default branch.",
        "--definition-id   | ''  | --definition-id is empty; leave it out to trigger through POST /project/{slug}/pipeline.",
        "--config-branch   | ''  | --config-branch is empty; leave it out to use --branch/--tag.",
        "--config-tag      | ''  | --config-tag is empty; leave it out to use --branch/--tag.",
        "--checkout-branch | ''  | --checkout-branch is empty; leave it out to use --branch/--tag.",
        "--checkout-tag    | ''  | --checkout-tag is empty; leave it out to use --branch/--tag.",
    })
    void anEmptyRefIsRefusedAndNothingIsSent(String option, String value, String message) {
        try (Simulated sim = new Simulated(Scenario.builder()
                .project(PROJECT, p -> p.workflow("build", w -> w.job("test", Duration.ofMillis(100)))).build())) {
            CliRun run = sim.cli("run", "--project", PROJECT, option, value);
            CliRun dryRun = sim.cli("run", "--project", PROJECT, option + "=" + value, "--dry-run");

            for (CliRun r : new CliRun[] {run, dryRun}) {
                assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.err()).contains("ERROR: " + message).contains("See 'circleci-trigger run --help'");
                assertThat(r.out()).isEmpty();
            }
            assertThat(sim.simulator.journal().total()).as("nothing was sent").isZero();
        }
    }
}
