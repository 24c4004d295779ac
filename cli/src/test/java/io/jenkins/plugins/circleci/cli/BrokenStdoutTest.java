package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A result that cannot be written to stdout is a warning on stderr; the exit code still says how the pipeline ended. */
class BrokenStdoutTest {
    private static final String PROJECT = "gh/acme/api";

    @ParameterizedTest
    @CsvSource({"success, 0", "failed, 1"})
    void theResultThatCouldNotBeWrittenIsWarnedAboutAndTheExitCodeKept(String status, int exitCode) {
        try (Simulated sim = new Simulated(Scenario.builder().project(PROJECT, p -> p.workflow("build",
                w -> w.job(JobSpec.build("test", Duration.ofMillis(200), status)))).build())) {
            for (String[] args : new String[][] {{"run", "--project", PROJECT, "--json"}, {"run", "--project", PROJECT}}) {
                CliRun run = sim.cliTo(CliRun.brokenStdout(), args);

                assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
                assertThat(run.err()).contains("WARNING: could not write the result to stdout");
            }
        }
    }
}
