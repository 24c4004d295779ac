package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exit code, end to end against the simulator, and what each run prints. */
class RunAgainstSimulatorTest {
    private static final String PROJECT = "gh/acme/api";
    private static final Duration SHORT = Duration.ofMillis(300);

    private static Scenario project(java.util.function.UnaryOperator<
            io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario.Builder> script) {
        return Scenario.builder().project(PROJECT, script).build();
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.out().lines()).as("exactly one line on stdout").hasSize(1);
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void successExitsZeroWithTheJsonObjectOnStdoutAndProgressOnStderr() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p
                .workflow("build", w -> w.job("checkout", SHORT).job("test", SHORT))
                .workflow("lint", w -> w.job("lint", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--branch", "main", "--param", "deploy=true",
                    "--param", "shards=3", "--string-param", "version=42", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            JsonNode json = json(run);
            String id = sim.onlyPipelineId();
            assertThat(json.get("id").asText()).isEqualTo(id);
            assertThat(json.get("number").asLong()).isPositive();
            assertThat(json.get("project").asText()).isEqualTo(PROJECT);
            assertThat(json.get("state").asText()).isEqualTo("created");
            assertThat(json.get("result").asText()).isEqualTo("SUCCESS");
            assertThat(json.get("url").asText()).startsWith(sim.simulator.baseUrl());
            assertThat(json.get("workflows")).hasSize(2);
            assertThat(json.get("workflows").findValuesAsText("name")).containsExactlyInAnyOrder("build", "lint");
            assertThat(json.get("workflows").findValuesAsText("status")).containsOnly("success");
            assertThat(json.get("workflows").get(0).get("id").asText()).isNotEmpty();
            assertThat(json.get("workflows").get(0).get("url").asText()).contains("/workflows/");

            assertThat(run.err()).contains("CircleCI pipeline #" + json.get("number").asLong() + " (" + PROJECT
                    + ") created: " + json.get("url").asText());
            assertThat(run.err()).containsPattern("workflow build: .*success");

            List<JournalEntry> triggers = sim.simulator.journal().requests("POST", "^/project/.*/pipeline$");
            assertThat(triggers).hasSize(1);
            JsonNode body = new ObjectMapper().readTree(triggers.get(0).bodyText());
            assertThat(body.get("branch").asText()).isEqualTo("main");
            assertThat(body.get("parameters").get("deploy").isBoolean()).isTrue();
            assertThat(body.get("parameters").get("shards").isIntegralNumber()).isTrue();
            assertThat(body.get("parameters").get("version").isTextual()).isTrue();
        }
    }

    @Test
    void successWithoutJsonPrintsOneSummaryLine() {
        try (Simulated sim = new Simulated(project(p -> p.workflow("build", w -> w.job("test", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--tag", "v1.0.0");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.out().lines()).singleElement().asString().startsWith("SUCCESS: ")
                    .endsWith(sim.simulator.baseUrl() + "/pipelines/github/acme/api/1");
        }
    }

    @Test
    void aFailedWorkflowExitsOne() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p
                .workflow("build", w -> w.job("test", SHORT, "failed"))
                .workflow("lint", w -> w.job("lint", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(json(run).get("result").asText()).isEqualTo("FAILURE");
            assertThat(run.err()).containsPattern("workflow build: .*failed");
        }
    }

    @Test
    void artifactsOfAFailedPipelineAreInTheJsonAndTheExitCodeIsUnchanged() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p
                .workflow("build", w -> w.job(io.jenkins.plugins.circleci.simulator.scenario.JobSpec
                        .build("test", SHORT, "failed").withArtifacts(2)))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--json", "--artifacts");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            JsonNode artifacts = json(run).get("artifacts");
            assertThat(artifacts).hasSize(2);
            assertThat(artifacts.get(0).get("workflow").asText()).isEqualTo("build");
            assertThat(artifacts.get(0).get("job").asText()).isEqualTo("test");
            assertThat(artifacts.get(0).get("jobNumber").asLong()).isPositive();
            assertThat(artifacts.get(0).get("path").asText()).isEqualTo("artifacts/test/file-1.txt");
            assertThat(artifacts.get(0).get("url").asText()).startsWith(sim.simulator.baseUrl() + "/artifacts/");
            assertThat(artifacts.get(0).get("nodeIndex").asLong()).isZero();
            assertThat(run.err()).contains("CircleCI artifacts: 2 listed from 1 finished job:");
            assertThat(run.out() + run.err()).doesNotContain(Simulated.TOKEN);
        }
    }

    @Test
    void withoutArtifactsTheJsonListIsEmptyAndNothingIsAsked() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p
                .workflow("build", w -> w.job(io.jenkins.plugins.circleci.simulator.scenario.JobSpec
                        .build("test", SHORT, "success").withArtifacts(2)))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(json(run).get("artifacts")).isEmpty();
            assertThat(sim.simulator.journal().count("GET", "/artifacts$")).isZero();
        }
    }

    @Test
    void configAndCheckoutRefsReachPipelineRun() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.workflow("build", w -> w.job("test", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--definition-id",
                    "5034460f-c7c4-4c43-9457-de07e2029e7b", "--config-branch", "ci", "--checkout-tag", "v1.0",
                    "--no-wait");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(sim.simulator.triggerRefs(sim.simulator.pipelineIds().get(0))).contains(
                    new io.jenkins.plugins.circleci.simulator.TriggerRefs("ci", null, null, "v1.0", true));
        }
    }

    @Test
    void aFailedWorkflowMappedToUnstableExitsSix() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p
                .workflow("build", w -> w.job("test", SHORT, "failed"))
                .workflow("lint", w -> w.job("lint", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--json", "--result", "failed=UNSTABLE");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UNSTABLE);
            assertThat(json(run).get("result").asText()).isEqualTo("UNSTABLE");
        }
    }

    @Test
    void anErroredPipelineExitsOneAndPrintsItsErrors() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.errored("config", "Config does not conform to schema")))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            JsonNode json = json(run);
            assertThat(json.get("state").asText()).isEqualTo("errored");
            assertThat(json.get("result").asText()).isEqualTo("FAILURE");
            assertThat(json.get("errors").get(0).asText()).contains("Config does not conform to schema");
            assertThat(run.err()).contains("Config does not conform to schema");
        }
    }

    @Test
    void aCanceledWorkflowExitsFour() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p
                .workflow("build", w -> w.job("test", SHORT))
                .workflow("deploy", w -> w.status("canceled"))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ABORTED);
            assertThat(json(run).get("result").asText()).isEqualTo("ABORTED");
        }
    }

    @Test
    void aPipelineWithoutWorkflowsExitsFive() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.noWorkflows()))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NOT_BUILT);
            JsonNode json = json(run);
            assertThat(json.get("result").asText()).isEqualTo("NOT_BUILT");
            assertThat(json.get("workflows")).isEmpty();
        }
    }

    @Test
    void aPipelineCircleCiDidNotCreateExitsFive() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.notTriggered().workflow("build", w -> w.job("t", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--branch", "main", "--definition-id",
                    "5034460f-c7c4-4c43-9457-de07e2029e7b", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NOT_BUILT);
            JsonNode json = json(run);
            assertThat(json.get("id").isNull()).isTrue();
            assertThat(json.get("project").asText()).isEqualTo(PROJECT);
            assertThat(json.get("result").asText()).isEqualTo("NOT_BUILT");
            assertThat(json.get("message").asText()).contains("CI skip");
            assertThat(sim.simulator.journal().count("POST", "^/project/gh/acme/api/pipeline/run$")).isEqualTo(1);
            assertThat(sim.simulator.pipelineIds()).isEmpty();
        }
    }

    @Test
    void aTimeoutExitsThree() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.workflow("build", w -> w.job("test",
                Duration.ofMinutes(5)))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--timeout", "1s", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.TIMED_OUT);
            assertThat(json(run).get("reason").asText()).isEqualTo("TIMED_OUT");
        }
    }

    @Test
    void aWorkflowOnHoldFailsWhenToldTo() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.workflow("deploy", w -> w.approval("hold")
                .job("ship", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--on-hold", "fail", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(json(run).get("reason").asText()).isEqualTo("ON_HOLD");
        }
    }

    @Test
    void aWorkflowOnHoldEndsUnstableWhenToldToAndIsLeftWaiting() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.workflow("deploy", w -> w.approval("hold")
                .job("ship", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--on-hold", "unstable", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UNSTABLE);
            JsonNode json = json(run);
            assertThat(json.get("result").asText()).isEqualTo("UNSTABLE");
            assertThat(json.get("reason").asText()).isEqualTo("ON_HOLD");
            assertThat(json.get("message").asText()).contains("Workflow deploy is on hold, waiting for approval of "
                    + "hold (" + sim.simulator.baseUrl() + "/pipelines/github/acme/api/1/workflows/");
            assertThat(json.get("workflows").findValuesAsText("status")).containsExactly("on_hold");
            assertThat(sim.simulator.journal().count("POST", "/cancel$")).isZero();
        }
    }

    @Test
    void anApproveNamedJobIsApprovedOnceAndThePipelineSucceeds() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.workflow("deploy", w -> w.approval("hold")
                .job("ship", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--approve", "hold", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(json(run).get("result").asText()).isEqualTo("SUCCESS");
            assertThat(run.err()).contains("approved hold in workflow deploy");
            assertThat(sim.simulator.journal().count("POST", "^/workflow/[^/]+/approve/[^/]+$")).isEqualTo(1);
        }
    }

    @Test
    void aHoldLongerThanTheHoldTimeoutExitsOne() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.workflow("deploy", w -> w.approval("hold")
                .job("ship", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--hold-timeout", "1s", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            JsonNode json = json(run);
            assertThat(json.get("reason").asText()).isEqualTo("HOLD_TIMED_OUT");
            assertThat(json.get("message").asText()).contains("Workflow deploy waited for approval of hold longer "
                    + "than the hold timeout, 1s");
            assertThat(run.err()).contains("Canceled workflows: deploy.");
        }
    }

    @Test
    void onlyTheNamedWorkflowsCount() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p
                .workflow("build", w -> w.job("test", SHORT))
                .workflow("nightly", w -> w.job("fuzz", SHORT, "failed"))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--workflow", "build", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(json(run).get("result").asText()).isEqualTo("SUCCESS");
        }
    }

    @Test
    void aDefinitionIdTriggersThroughPipelineRunAtTheBranch() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.workflow("build", w -> w.job("test", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--branch", "feature/x", "--definition-id",
                    "5034460f-c7c4-4c43-9457-de07e2029e7b", "--param", "deploy=false");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            List<JournalEntry> triggers = sim.simulator.journal().requests("POST", "^/project/gh/acme/api/pipeline/run$");
            assertThat(triggers).hasSize(1);
            JsonNode body = new ObjectMapper().readTree(triggers.get(0).bodyText());
            assertThat(body.get("definition_id").asText()).isEqualTo("5034460f-c7c4-4c43-9457-de07e2029e7b");
            assertThat(body.get("config").get("branch").asText()).isEqualTo("feature/x");
            assertThat(body.get("checkout").get("branch").asText()).isEqualTo("feature/x");
            assertThat(body.get("parameters").get("deploy").asBoolean(true)).isFalse();
        }
    }

    @Test
    void aTokenFileIsUsedInsteadOfTheEnvironment(@TempDir Path dir) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "file-token-8c1f\n");
        try (Simulated sim = new Simulated(Scenario.builder().validTokens("file-token-8c1f")
                .project(PROJECT, p -> p.workflow("build", w -> w.job("test", SHORT))).build())) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--token-file", tokenFile.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.out() + run.err()).doesNotContain("file-token-8c1f");
        }
    }

    @Test
    void aRejectedTokenExitsTwoWithCircleCisMessage() {
        try (Simulated sim = new Simulated(Scenario.builder().validTokens("another-token").build())) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("ERROR: ").containsIgnoringCase("token");
            assertThat(sim.simulator.pipelineIds()).isEmpty();
        }
    }

    @Test
    void inputRefusedAfterParsingNeverCreatesAPipeline() {
        try (Simulated sim = new Simulated(project(p -> p.workflow("build", w -> w.job("test", SHORT))))) {
            CliRun hugeTimeout = sim.cli("run", "--project", PROJECT, "--timeout", "9999999999999h");
            CliRun queryInServer = CliRun.of(java.util.Map.of("CIRCLECI_TOKEN", Simulated.TOKEN), "run", "--project",
                    PROJECT, "--server", sim.simulator.baseUrl() + "/?region=eu");

            assertThat(hugeTimeout.exitCode()).as(hugeTimeout.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(hugeTimeout.err()).contains("at most 30d");
            assertThat(queryInServer.exitCode()).as(queryInServer.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(queryInServer.err()).contains("has a query or fragment");
            assertThat(sim.simulator.journal().total()).isZero();
            assertThat(sim.simulator.pipelineIds()).isEmpty();
        }
    }

    @Test
    void anUnknownProjectExitsTwoWithTheHint() {
        try (Simulated sim = new Simulated(Scenario.builder().project("gh/acme/other", p -> p)
                .onlyDeclaredProjects().build())) {
            CliRun run = sim.cli("run", "--project", PROJECT);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Project not found").contains("personal");
        }
    }

    @Test
    void aTriggerWithAnUnknownOutcomeExitsOneAndIsNotResent() {
        try (Simulated sim = new Simulated(Scenario.builder()
                .failFirst(1, "POST", "/pipeline$", 500).build())) {
            CliRun run = sim.cli("run", "--project", PROJECT);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("ERROR: ");
            assertThat(sim.simulator.journal().count("POST", "/pipeline$")).isEqualTo(1);
        }
    }

    @Test
    void noWaitExitsZeroAtOnceAndWaitPicksThePipelineUp() throws Exception {
        try (Simulated sim = new Simulated(project(p -> p.workflow("build", w -> w.job("test",
                Duration.ofSeconds(1)))))) {
            CliRun triggered = sim.cli("run", "--project", PROJECT, "--no-wait", "--json");

            assertThat(triggered.exitCode()).as(triggered.err()).isEqualTo(ExitCodes.SUCCESS);
            JsonNode handle = json(triggered);
            assertThat(handle.get("result").isNull()).isTrue();
            assertThat(handle.get("reason").asText()).isEqualTo("NOT_WAITED");
            String id = handle.get("id").asText();
            assertThat(id).isEqualTo(sim.onlyPipelineId());
            assertThat(sim.simulator.journal().count("GET", "/workflow")).isZero();

            CliRun waited = sim.cli("wait", "--pipeline-id", id, "--json");

            assertThat(waited.exitCode()).as(waited.err()).isEqualTo(ExitCodes.SUCCESS);
            JsonNode json = json(waited);
            assertThat(json.get("id").asText()).isEqualTo(id);
            assertThat(json.get("number").asLong()).isEqualTo(handle.get("number").asLong());
            assertThat(json.get("result").asText()).isEqualTo("SUCCESS");
            assertThat(json.get("workflows").findValuesAsText("name")).containsExactly("build");
        }
    }

    @Test
    void noWaitWithoutJsonPrintsThePipelineId() {
        try (Simulated sim = new Simulated(project(p -> p.workflow("build", w -> w.job("test", SHORT))))) {
            CliRun run = sim.cli("run", "--project", PROJECT, "--no-wait");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.out()).startsWith("TRIGGERED: ").contains(sim.onlyPipelineId());
        }
    }

    @Test
    void waitingForAnUnknownPipelineExitsTwo() {
        try (Simulated sim = new Simulated(Scenario.defaults())) {
            CliRun run = sim.cli("wait", "--pipeline-id", "5034460f-c7c4-4c43-9457-de07e2029e7b");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("ERROR: ");
        }
    }
}
