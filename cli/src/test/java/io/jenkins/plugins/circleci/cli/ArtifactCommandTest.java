package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.ArtifactSpec;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code circleci-trigger artifact} against the simulator: content to stdout or a file, and its failures' exits. */
class ArtifactCommandTest {
    private static final String PROJECT = "gh/acme/reports";
    private static final byte[] BINARY = {'P', 'K', 3, 4, (byte) 0xff, 0};

    private Simulated sim;
    private Map<String, String> urls;

    @BeforeEach
    void start() throws Exception {
        sim = new Simulated(Scenario.builder().project(PROJECT, p -> p.workflow("build", w -> w.job(JobSpec
                .build("test", Duration.ofMillis(200), "success").withArtifactFiles(List.of(
                        ArtifactSpec.text("reports/coverage.json", "{\"lines\": 91.5}\n"),
                        ArtifactSpec.text("reports/big.txt", "x".repeat(3000)),
                        new ArtifactSpec("bin/tool", 0, BINARY)))))).build());
        CliRun run = sim.cli("run", "--project", PROJECT, "--json", "--artifacts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        urls = new LinkedHashMap<>();
        for (JsonNode a : new ObjectMapper().readTree(run.out()).get("artifacts")) {
            urls.put(a.get("path").asText(), a.get("url").asText());
        }
        sim.simulator.journal().clear();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void printsTheContentAndTheStorageNeverSawTheToken() {
        CliRun run = sim.cli("artifact", "--url", urls.get("reports/coverage.json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("{\"lines\": 91.5}\n");
        assertThat(run.err()).contains("reports/coverage.json: 16 bytes");
        JournalEntry storage = sim.simulator.journal().requests("GET", "^/artifact-storage/").get(0);
        assertThat(storage.headers().keySet()).doesNotContain("circle-token");
    }

    @Test
    void writesBinaryContentToAFileAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tool");
        CliRun run = sim.cli("artifact", "--url", urls.get("bin/tool"), "--out", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(BINARY);
        assertThat(run.err()).contains("6 bytes written to " + file);
    }

    @Test
    void aFailedWriteToStdoutIsAFailureNotASuccess() {
        CliRun run = sim.cliTo(CliRun.brokenStdout(), "artifact", "--url", urls.get("reports/coverage.json"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("ERROR: Could not write the artifact to stdout: ")
                .contains("reports/coverage.json (16 bytes).")
                .contains("--out FILE").doesNotContain("16 bytes written");
    }

    @Test
    void withTextBinaryContentFails() {
        CliRun run = sim.cli("artifact", "--url", urls.get("bin/tool"), "--text");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("is not UTF-8 text");
    }

    @Test
    void tooLargeFailsAndWritesNothing(@TempDir Path dir) {
        Path file = dir.resolve("big.txt");
        CliRun run = sim.cli("artifact", "--url", urls.get("reports/big.txt"), "--max-bytes", "1000", "--out",
                file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("larger than the limit of 1000 bytes");
        assertThat(file).doesNotExist();
    }

    @Test
    void aMissingArtifactAndAUrlElsewhereAreBadInput() {
        CliRun missing = sim.cli("artifact", "--url", urls.get("reports/coverage.json").replace("coverage", "nope"));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("answered 404", "Artifact not found");

        CliRun elsewhere = sim.cli("artifact", "--url", sim.simulator.storageBaseUrl() + "/x");
        assertThat(elsewhere.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(elsewhere.err()).contains("is not on CircleCI");
    }

    @Test
    void theUrlIsRequired() {
        CliRun run = sim.cli("artifact");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--url");
    }
}
