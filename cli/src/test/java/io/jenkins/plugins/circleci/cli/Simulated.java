package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An in-process CircleCI simulator in real time, and the CLI pointed at it with a token and quick polls. */
final class Simulated implements AutoCloseable {
    static final String TOKEN = "cli-test-token-5f1d0c";
    /** Polls quickly and gives up on a pipeline without workflows after a second, so tests take seconds. */
    static final UnaryOperator<WatchOptions.Builder> QUICK = b -> b
            .pollInterval(Duration.ofMillis(100), Duration.ofMillis(300))
            .noWorkflowsGrace(Duration.ofSeconds(1));

    final CircleCiSimulator simulator;

    Simulated(Scenario scenario) {
        this.simulator = CircleCiSimulator.builder().scenario(scenario).start();
    }

    /** Runs the CLI with {@code --server} appended; asserts the token appears in none of its output. */
    CliRun cli(String... args) {
        return cli(Interrupts.NONE, args);
    }

    CliRun cli(Interrupts interrupts, String... args) {
        return cli(Map.of(), interrupts, args);
    }

    /** {@link #cli(String...)} with these environment variables besides the token. */
    CliRun cli(Map<String, String> env, String... args) {
        return cli(env, Interrupts.NONE, args);
    }

    /** {@link #cli(String...)} with stdout going to {@code stdout}. */
    CliRun cliTo(java.io.OutputStream stdout, String... args) {
        return cli(stdout, Map.of(), Interrupts.NONE, args);
    }

    private CliRun cli(Map<String, String> env, Interrupts interrupts, String... args) {
        return cli(new java.io.ByteArrayOutputStream(), env, interrupts, args);
    }

    private CliRun cli(java.io.OutputStream stdout, Map<String, String> env, Interrupts interrupts, String... args) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("CIRCLECI_TOKEN", TOKEN);
        CliRun run = CliRun.of(stdout, all, interrupts, QUICK, withServer(args));
        assertThat(run.out() + run.err()).as("the token is never printed").doesNotContain(TOKEN);
        return run;
    }

    String[] withServer(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server");
        all.add(simulator.baseUrl());
        return all.toArray(String[]::new);
    }

    /** The simulator's own answer for the pipeline's workflows: name → status. */
    Map<String, String> workflowStatuses(String pipelineId) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.apiUrl() + "/pipeline/" + pipelineId + "/workflow"))
                .header("Circle-Token", TOKEN).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> statuses = new java.util.LinkedHashMap<>();
        for (JsonNode w : new ObjectMapper().readTree(response.body()).get("items")) {
            statuses.put(w.get("name").asText(), w.get("status").asText());
        }
        return statuses;
    }

    String onlyPipelineId() {
        assertThat(simulator.pipelineIds()).hasSize(1);
        return simulator.pipelineIds().get(0);
    }

    long cancelRequests() {
        return simulator.journal().count("POST", "^/workflow/[^/]+/cancel$");
    }

    @Override
    public void close() {
        simulator.close();
    }
}
