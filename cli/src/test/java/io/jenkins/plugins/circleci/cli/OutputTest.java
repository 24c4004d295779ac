package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.ProgressEvent;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON object, the summary line and the progress lines, from core's values. */
class OutputTest {
    private static final String URL = "https://app.circleci.com/pipelines/github/acme/api/42";
    private static final PipelineSummary PIPELINE = new PipelineSummary("5034460f-c7c4-4c43-9457-de07e2029e7b", 42,
            "gh/acme/api", "created", URL);

    @Test
    void jsonHasTheContractedFields() throws Exception {
        Outcome outcome = new Outcome(BuildResult.FAILURE, OutcomeReason.COMPLETED, PIPELINE,
                List.of(new WorkflowSummary("w1", "build", "success", URL + "/workflows/w1"),
                        new WorkflowSummary("w2", "deploy", "failed", URL + "/workflows/w2")),
                List.of(), "Workflow deploy failed.");

        String text = OutcomeJson.render(outcome, "gh/acme/api");
        JsonNode json = new ObjectMapper().readTree(text);

        assertThat(text).doesNotContain("\n");
        assertThat(json.get("id").asText()).isEqualTo(PIPELINE.id());
        assertThat(json.get("number").asLong()).isEqualTo(42);
        assertThat(json.get("project").asText()).isEqualTo("gh/acme/api");
        assertThat(json.get("state").asText()).isEqualTo("created");
        assertThat(json.get("result").asText()).isEqualTo("FAILURE");
        assertThat(json.get("url").asText()).isEqualTo(URL);
        assertThat(json.get("workflows")).hasSize(2);
        JsonNode deploy = json.get("workflows").get(1);
        assertThat(deploy.get("id").asText()).isEqualTo("w2");
        assertThat(deploy.get("name").asText()).isEqualTo("deploy");
        assertThat(deploy.get("status").asText()).isEqualTo("failed");
        assertThat(deploy.get("url").asText()).isEqualTo(URL + "/workflows/w2");
        assertThat(json.get("reason").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("message").asText()).isEqualTo("Workflow deploy failed.");
        assertThat(json.get("errors")).isEmpty();
    }

    @Test
    void jsonOfAPipelineNeverCreatedHasNulls() throws Exception {
        Outcome outcome = new Outcome(BuildResult.NOT_BUILT, OutcomeReason.NOT_TRIGGERED, null, List.of(), List.of(),
                "Ignoring pipeline due to CI skip in the commit");
        JsonNode json = new ObjectMapper().readTree(OutcomeJson.render(outcome, "gh/acme/api"));

        assertThat(json.get("id").isNull()).isTrue();
        assertThat(json.get("number").isNull()).isTrue();
        assertThat(json.get("project").asText()).isEqualTo("gh/acme/api");
        assertThat(json.get("state").isNull()).isTrue();
        assertThat(json.get("url").isNull()).isTrue();
        assertThat(json.get("result").asText()).isEqualTo("NOT_BUILT");
    }

    @Test
    void jsonWithoutWaitingHasANullResult() throws Exception {
        Outcome outcome = new Outcome(null, OutcomeReason.NOT_WAITED, PIPELINE, List.of(), List.of(), "Triggered.");
        JsonNode json = new ObjectMapper().readTree(OutcomeJson.render(outcome, "gh/acme/api"));
        assertThat(json.get("result").isNull()).isTrue();
        assertThat(json.get("id").asText()).isEqualTo(PIPELINE.id());
    }

    @Test
    void jsonCarriesThePipelinesErrors() throws Exception {
        Outcome outcome = new Outcome(BuildResult.FAILURE, OutcomeReason.ERRORED, PIPELINE, List.of(),
                List.of("Config does not conform to schema"), "The pipeline errored.");
        JsonNode json = new ObjectMapper().readTree(OutcomeJson.render(outcome, "gh/acme/api"));
        assertThat(json.get("errors").get(0).asText()).isEqualTo("Config does not conform to schema");
    }

    @Test
    void summaryLines() {
        assertThat(OutcomeSummary.line(new Outcome(BuildResult.SUCCESS, OutcomeReason.COMPLETED, PIPELINE,
                List.of(), List.of(), "All 3 workflows succeeded."))).isEqualTo("SUCCESS: All 3 workflows succeeded. " + URL);
        assertThat(OutcomeSummary.line(new Outcome(null, OutcomeReason.NOT_WAITED, PIPELINE, List.of(), List.of(),
                "Triggered CircleCI pipeline #42 without waiting for it.")))
                .isEqualTo("TRIGGERED: Triggered CircleCI pipeline #42 without waiting for it. Pipeline id: "
                        + PIPELINE.id() + ". " + URL);
        assertThat(OutcomeSummary.line(new Outcome(BuildResult.NOT_BUILT, OutcomeReason.NOT_TRIGGERED, null,
                List.of(), List.of(), "CI skip."))).isEqualTo("NOT_BUILT: CI skip.");
    }

    @Test
    void progressLinesCarryTheirLinks() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        printer.onEvent(new ProgressEvent.PipelineCreated(PIPELINE.id(), 42, "gh/acme/api", URL));
        printer.onEvent(new ProgressEvent.WorkflowStatusChanged("w1", "build", "running", "success",
                Duration.ofSeconds(133), URL + "/workflows/w1"));
        printer.onEvent(new ProgressEvent.Warning("CircleCI answered 503; retrying"));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "CircleCI pipeline #42 (gh/acme/api) created: " + URL,
                "workflow build: running → success (2m13s) " + URL + "/workflows/w1",
                "WARNING: CircleCI answered 503; retrying");
        assertThat(printer.printedPipelineErrors()).isFalse();
        printer.onEvent(new ProgressEvent.PipelineErrored(List.of("bad config")));
        assertThat(printer.printedPipelineErrors()).isTrue();
    }

    @Test
    void aTerminalWithoutUnicodeGetsAnAsciiArrow() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.US_ASCII), false);
        printer.onEvent(new ProgressEvent.WorkflowStatusChanged("w1", "build", "running", "failed", null, null));
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo("workflow build: running -> failed"
                + System.lineSeparator());
    }
}
