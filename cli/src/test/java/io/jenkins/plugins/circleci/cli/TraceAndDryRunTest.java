package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code $TRACEPARENT} passed on to CircleCI, and {@code run --dry-run}, end to end against the simulator. */
class TraceAndDryRunTest {
    private static final String PROJECT = "gh/acme/api";
    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static Simulated simulated() {
        return new Simulated(Scenario.builder()
                .project(PROJECT, p -> p.workflow("build", w -> w.job("test", Duration.ofMillis(300)))).build());
    }

    @Test
    void traceparentGoesAsHeadersOnEveryRequestAndAsTheNamedParameter() throws Exception {
        try (Simulated sim = simulated()) {
            CliRun run = sim.cli(Map.of("TRACEPARENT", PARENT, "TRACESTATE", "rojo=00f067aa0ba902b7"),
                    "run", "--project", PROJECT, "--branch", "main", "--traceparent-param", "traceparent");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            JournalEntry post = sim.simulator.journal().requests("POST", "^/project/.*/pipeline$").get(0);
            JsonNode body = new ObjectMapper().readTree(post.bodyText());
            assertThat(body.path("parameters").path("traceparent").asText()).isEqualTo(PARENT);
            assertThat(sim.simulator.journal().entries()).hasSizeGreaterThan(1).allSatisfy(e -> {
                assertThat(e.header("traceparent")).as(e.toString()).isEqualTo(PARENT);
                assertThat(e.header("tracestate")).as(e.toString()).isEqualTo("rojo=00f067aa0ba902b7");
            });
        }
    }

    @Test
    void anInvalidTraceparentIsIgnoredWithANoteOnStderr() throws Exception {
        try (Simulated sim = simulated()) {
            CliRun run = sim.cli(Map.of("TRACEPARENT", "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                    "run", "--project", PROJECT, "--traceparent-param", "traceparent", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.err()).contains("is not a W3C traceparent (version ff is forbidden), so it was ignored");
            assertThat(run.out()).doesNotContain("TRACEPARENT");
            assertThat(sim.simulator.journal().entries()).allSatisfy(e -> assertThat(e.header("traceparent"))
                    .isNull());
            JournalEntry post = sim.simulator.journal().requests("POST", "^/project/.*/pipeline$").get(0);
            assertThat(new ObjectMapper().readTree(post.bodyText()).has("parameters")).isFalse();
        }
    }

    @Test
    void theWaitCommandSendsNoTraceHeaders() throws Exception {
        try (Simulated sim = simulated()) {
            CliRun triggered = sim.cli("run", "--project", PROJECT, "--no-wait", "--json");
            String id = new ObjectMapper().readTree(triggered.out()).get("id").asText();
            sim.simulator.journal().clear();

            CliRun run = sim.cli(Map.of("TRACEPARENT", PARENT), "wait", "--pipeline-id", id);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(sim.simulator.journal().entries()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.header("traceparent")).isNull());
        }
    }

    @Test
    void aDryRunPrintsTheRequestSendsNothingAndNeedsNoToken() {
        try (Simulated sim = simulated()) {
            // No token in this environment at all.
            CliRun run = CliRun.of(Map.of("TRACEPARENT", PARENT), sim.withServer("run", "--project", PROJECT,
                    "--branch", "main", "--param", "deploy=true", "--string-param", "version=42",
                    "--traceparent-param", "traceparent", "--dry-run"));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.out().lines()).containsExactly(
                    "POST " + sim.simulator.baseUrl() + "/api/v2/project/gh/acme/api/pipeline",
                    "traceparent: " + PARENT,
                    "{\"branch\":\"main\",\"parameters\":{\"deploy\":true,\"version\":\"42\",\"traceparent\":\""
                            + PARENT + "\"}}");
            assertThat(run.err()).contains("Dry run: nothing was sent to CircleCI.");
            assertThat(sim.simulator.journal().total()).isZero();
        }
    }

    @Test
    void aDryRunWithJsonPrintsOneObjectForPipelineRun() throws Exception {
        try (Simulated sim = simulated()) {
            CliRun run = sim.cli("run", "--project", "circleci/8e4z1Akd/7KQbcd2u", "--definition-id",
                    "e2d7c5a0-3b7e-4c1e-9a55-0f6b7c8d9e01", "--branch", "main", "--checkout-tag", "v2", "--dry-run",
                    "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
            assertThat(run.out().lines()).hasSize(1);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("dryRun").asBoolean()).isTrue();
            assertThat(json.get("method").asText()).isEqualTo("POST");
            assertThat(json.get("url").asText()).endsWith("/api/v2/project/circleci/8e4z1Akd/7KQbcd2u/pipeline/run");
            assertThat(json.get("headers").size()).isZero();
            assertThat(json.get("body").toString()).isEqualTo("{\"definition_id\":\"e2d7c5a0-3b7e-4c1e-9a55-"
                    + "0f6b7c8d9e01\",\"config\":{\"branch\":\"main\"},\"checkout\":{\"tag\":\"v2\"}}");
            assertThat(sim.simulator.journal().total()).isZero();
        }
    }

    @Test
    void aDryRunStillRefusesWhatARunWouldRefuse() {
        try (Simulated sim = simulated()) {
            CliRun badTimeout = sim.cli("run", "--project", PROJECT, "--timeout", "10 parsecs", "--dry-run");
            CliRun conflict = sim.cli("run", "--project", PROJECT, "--param", "traceparent=x",
                    "--traceparent-param", "traceparent", "--dry-run");
            CliRun noWaitAndWaitFor = sim.cli("run", "--project", PROJECT, "--no-wait", "--wait-for", "created",
                    "--dry-run");

            assertThat(badTimeout.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(conflict.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(conflict.err()).contains("given both in the parameters and as --traceparent-param");
            assertThat(noWaitAndWaitFor.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(badTimeout.out() + conflict.out() + noWaitAndWaitFor.out()).isEmpty();
            assertThat(sim.simulator.journal().total()).isZero();
        }
    }

    @Test
    void aDryRunRefusesACaCertFileARunWouldRefuse(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path notACertificate = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIIB\n"
                + "-----END PRIVATE KEY-----\n");
        try (Simulated sim = simulated()) {
            CliRun unreadable = sim.cli("run", "--project", PROJECT, "--ca-cert", missing.toString(), "--dry-run");
            CliRun unusable = sim.cli("run", "--project", PROJECT, "--ca-cert", notACertificate.toString(),
                    "--dry-run");

            assertThat(unreadable.exitCode()).as(unreadable.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(unreadable.err()).contains("Cannot read the CA certificate file " + missing);
            assertThat(unusable.exitCode()).as(unusable.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(unusable.err()).contains("The CA certificate file " + notACertificate + " is not usable");
            assertThat(unreadable.out() + unusable.out()).isEmpty();
            assertThat(sim.simulator.journal().total()).isZero();
        }
    }
}
