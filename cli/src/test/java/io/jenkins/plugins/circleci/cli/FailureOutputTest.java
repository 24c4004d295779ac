package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.StepSpec;
import io.jenkins.plugins.circleci.simulator.scenario.TestSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What failed, in the CLI's human output and its --json, against the simulator: failed jobs, failed tests and the
 * failing step's last lines, bounded, masked, and never changing the exit code.
 */
class FailureOutputTest {
    private static final String PROJECT = "gh/acme/api";
    private static final Duration SHORT = Duration.ofMillis(300);
    static final List<TestSpec> TWO_FAILED = List.of(
            TestSpec.passed("com.acme.CartTest", "total"),
            TestSpec.failed("com.acme.CartTest", "addsItem", "expected: <3> but was: <2>"),
            TestSpec.failed("com.acme.CartTest", "removesItem", "java.lang.NullPointerException: cart\n\tat Cart"));
    static final String OUTPUT = "\u001b[1mRunning tests\u001b[0m\r\n"
            + "echo $CIRCLE_TOKEN: " + Simulated.TOKEN + "\r\n"
            + "\u001b[31mCartTest > addsItem FAILED\u001b[0m\r\n"
            + "CartTest > removesItem FAILED\r\n"
            + "3 tests completed, 2 failed\r\n";

    private static Scenario failing(JobSpec job) {
        return Scenario.builder().project(PROJECT, p -> p.workflow("build", w -> w.job("checkout", SHORT).job(job)))
                .build();
    }

    private static JobSpec testJob() {
        return JobSpec.build("test", SHORT, "failed").withTestResults(TWO_FAILED)
                .withSteps(List.of(StepSpec.of("Checkout code", "ok\r\n"), StepSpec.failing("Run tests", OUTPUT)));
    }

    /** The lines about one failed job: from its "Failed job" line to the next line that is not indented. */
    private static List<String> jobLines(String err, String job) {
        List<String> lines = err.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Failed job " + job + " ")) {
                start = i;
                break;
            }
        }
        assertThat(start).as("a 'Failed job " + job + "' line in:\n" + err).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith("  ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    @Test
    void aJobFailingOnTwoTestsPrintsBothTestsTheirMessagesAndTheLastLinesInUnder30Lines() {
        try (Simulated sim = new Simulated(failing(testJob()))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--log-tail", "10");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.out().lines()).singleElement().asString().startsWith("FAILURE: ");
            List<String> job = jobLines(run.err(), "test");
            assertThat(job).hasSizeLessThan(30);
            assertThat(String.join("\n", job)).contains(
                    "of workflow build: failed after",
                    "  2 failed tests:",
                    "    - com.acme.CartTest.addsItem",
                    "        expected: <3> but was: <2>",
                    "    - com.acme.CartTest.removesItem",
                    "        java.lang.NullPointerException: cart",
                    "  Last 7 lines of step \"Run tests\":",
                    "    | echo $CIRCLE_TOKEN: ****",
                    "    | CartTest > addsItem FAILED",
                    "    | 3 tests completed, 2 failed",
                    "    | Exited with code exit status 1");
            assertThat(run.err()).doesNotContain("\u001b[");
        }
    }

    @Test
    void jsonCarriesFailedJobsWithTheirTestsAndLogTail() throws Exception {
        try (Simulated sim = new Simulated(failing(testJob()))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--log-tail", "3", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            JsonNode json = new ObjectMapper().readTree(run.out());
            JsonNode job = json.get("failedJobs").get(0);
            assertThat(job.get("name").asText()).isEqualTo("test");
            assertThat(job.get("workflow").asText()).isEqualTo("build");
            assertThat(job.get("status").asText()).isEqualTo("failed");
            assertThat(job.get("url").asText()).startsWith(sim.simulator.baseUrl()).contains("/jobs/");
            assertThat(job.get("tests").findValuesAsText("name")).containsExactly("addsItem", "removesItem");
            assertThat(job.get("tests").get(0).get("message").asText()).isEqualTo("expected: <3> but was: <2>");
            assertThat(job.get("logStep").asText()).isEqualTo("Run tests");
            assertThat(job.get("logTail").asText())
                    .isEqualTo("3 tests completed, 2 failed\n\nExited with code exit status 1");
            // The human report still goes to stderr; stdout is the one JSON object.
            assertThat(run.out().lines()).hasSize(1);
            assertThat(run.err()).contains("Failed job test");
        }
    }

    @Test
    void aSuccessfulRunReadsNothingMoreAndHasNoFailedJobs() throws Exception {
        try (Simulated sim = new Simulated(Scenario.builder().project(PROJECT, p -> p.workflow("build",
                w -> w.job("test", SHORT))).build())) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--log-tail", "10", "--json");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(new ObjectMapper().readTree(run.out()).get("failedJobs")).isEmpty();
            assertThat(sim.simulator.journal().count("GET", "/tests")).isZero();
            assertThat(sim.simulator.journal().count("GET", "/api/v1.1/")).isZero();
        }
    }

    @Test
    void fiveThousandFailedTestsCostABoundedNumberOfRequestsAndPrintABoundedSummary() {
        try (Simulated sim = new Simulated(failing(JobSpec.build("test", SHORT, "failed")
                .withGeneratedTests(0, 5000, 0)))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--log-tail", "5");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sim.simulator.journal().count("GET", "/tests")).as("5 pages of 20").isEqualTo(5);
            assertThat(sim.simulator.journal().count("GET", "/api/v1.1/")).isEqualTo(1);
            List<String> job = jobLines(run.err(), "test");
            assertThat(job).hasSizeLessThan(40).contains("  100 failed tests in the first test results read:",
                    "    … and 90 more; more results were not read, see the job's page");
        }
    }

    @Test
    void unreadableDetailsAreWarningsAndNeverChangeTheExitCode() {
        try (Simulated sim = new Simulated(Scenario.builder().project(PROJECT, p -> p.workflow("build",
                        w -> w.job(testJob().withOutputUrlTtl(Duration.ZERO))))
                .fault(FaultRule.status(404).on("GET", "/tests$")).build())) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--log-tail", "10");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.err()).contains("WARNING: Could not read the test results of job test",
                    "WARNING: Could not read the output of job test", "Request has expired");
            assertThat(run.err()).doesNotContain("Signature=", "Expires=");
        }
        try (Simulated sim = new Simulated(Scenario.builder().project(PROJECT, p -> p.workflow("build",
                        w -> w.job("test", SHORT)))
                .fault(FaultRule.status(500).on("GET", "/tests$")).build())) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--log-tail", "10");
            assertThat(run.exitCode()).as("a success stays a success").isEqualTo(ExitCodes.SUCCESS);
        }
    }

    @Test
    void theOutputLinkIsFetchedWithoutTheToken() {
        try (Simulated sim = new Simulated(failing(testJob().withOutputEncoding("gzip")))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--log-tail", "2");
            assertThat(run.err()).contains("    | Exited with code exit status 1");
            List<JournalEntry> output = sim.simulator.journal().requests("GET", "^/action-output/");
            assertThat(output).hasSize(1);
            assertThat(output.get(0).headers()).doesNotContainKeys("circle-token", "authorization");
        }
    }

    @Test
    void waitForCreatedReturnsEarlyWithoutAResult() throws Exception {
        try (Simulated sim = new Simulated(failing(JobSpec.build("test", Duration.ofSeconds(30), "failed")))) {
            CliRun human = sim.cli("run", "--project", PROJECT, "--wait-for", "created");
            assertThat(human.exitCode()).as(human.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(human.out()).startsWith("CREATED: ").contains("waitFor: created", "Pipeline id: ");
            CliRun json = sim.cli("run", "--project", PROJECT, "--wait-for", "workflows", "--json");
            JsonNode result = new ObjectMapper().readTree(json.out());
            assertThat(result.get("reason").asText()).isEqualTo("WORKFLOWS_CREATED");
            assertThat(result.get("result").isNull()).isTrue();
            assertThat(result.get("workflows").findValuesAsText("name")).containsExactly("build");
            assertThat(result.get("failedJobs")).isEmpty();
        }
    }

    @Test
    void onTimeoutDecidesTheExitCodeOfATimeout() throws Exception {
        try (Simulated sim = new Simulated(failing(JobSpec.build("test", Duration.ofMinutes(5), "success")))) {
            assertThat(sim.cli("run", "--project", PROJECT, "--timeout", "1s", "--no-cancel-on-abort").exitCode())
                    .isEqualTo(ExitCodes.TIMED_OUT);
            CliRun unstable = sim.cli("run", "--project", PROJECT, "--timeout", "1s", "--on-timeout", "unstable",
                    "--no-cancel-on-abort", "--json");
            assertThat(unstable.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
            JsonNode json = new ObjectMapper().readTree(unstable.out());
            assertThat(json.get("reason").asText()).isEqualTo("TIMED_OUT");
            assertThat(json.get("result").asText()).isEqualTo("UNSTABLE");
            assertThat(sim.cli("run", "--project", PROJECT, "--timeout", "1s", "--on-timeout", "abort",
                    "--no-cancel-on-abort").exitCode()).isEqualTo(ExitCodes.ABORTED);
        }
    }

    @Test
    void badValuesAreRefusedBeforeAnythingIsSent() {
        try (Simulated sim = new Simulated(failing(testJob()))) {
            CliRun both = sim.cli("run", "--project", PROJECT, "--no-wait", "--wait-for", "created");
            assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(both.err()).contains("--no-wait returns at once and --wait-for returns later");
            CliRun badWait = sim.cli("run", "--project", PROJECT, "--wait-for", "started");
            assertThat(badWait.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(badWait.err()).contains("created, workflows, completed");
            CliRun badTimeout = sim.cli("wait", "--pipeline-id", "5034460f-c7c4-4c43-9457-de07e2029e7b",
                    "--on-timeout", "ignore");
            assertThat(badTimeout.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(badTimeout.err()).contains("fail, unstable, abort");
            CliRun badTail = sim.cli("run", "--project", PROJECT, "--log-tail", "5000");
            assertThat(badTail.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(badTail.err()).contains("--log-tail", "1000");
            CliRun notNumber = sim.cli("run", "--project", PROJECT, "--log-tail", "all");
            assertThat(notNumber.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(sim.simulator.journal().total()).isZero();
        }
    }
}
