package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How a wait's outcome becomes the step's return value or failure, as the build step does it. */
class StepOutcomesTest {
    private static final PipelineSummary PIPELINE = new PipelineSummary("5034460f-c7c4-4c43-9457-de07e2029e7b", 42,
            "gh/acme/api", "created", "https://app.circleci.com/pipelines/github/acme/api/42");
    private static final WorkflowSummary BUILD = new WorkflowSummary("fda08377-fe7e-46b1-8992-3a7aaecac9c3", "build",
            "failed", "https://app.circleci.com/pipelines/github/acme/api/42/workflows/fda08377");

    private static Outcome outcome(BuildResult result, OutcomeReason reason) {
        return new Outcome(result, reason, PIPELINE, List.of(BUILD), List.of(), "done");
    }

    @Test
    void theMapCarriesThePipelineAndItsWorkflows() throws Exception {
        Map<String, Object> map = StepOutcomes.toMap(outcome(BuildResult.FAILURE, OutcomeReason.COMPLETED));

        assertThat(map).containsExactly(
                Map.entry("id", PIPELINE.id()),
                Map.entry("number", 42L),
                Map.entry("project", "gh/acme/api"),
                Map.entry("state", "created"),
                Map.entry("result", "FAILURE"),
                Map.entry("url", PIPELINE.url()),
                Map.entry("workflows", List.of(Map.of("name", "build", "id", BUILD.id(), "status", "failed",
                        "url", BUILD.url()))));
        // Pipeline keeps return values in its program state: they must serialize.
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(map);
    }

    @Test
    void notWaitedHasNoResult() {
        Outcome notWaited = new Outcome(null, OutcomeReason.NOT_WAITED, PIPELINE, List.of(), List.of(), "");

        assertThat(StepOutcomes.toMap(notWaited)).containsEntry("result", null).containsEntry("number", 42L);
        assertThat(StepOutcomes.failureOf(notWaited, true)).isNull();
    }

    @Test
    void successNeverFails() {
        assertThat(StepOutcomes.failureOf(outcome(BuildResult.SUCCESS, OutcomeReason.COMPLETED), true)).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = BuildResult.class, names = {"UNSTABLE", "FAILURE", "NOT_BUILT", "ABORTED"})
    void propagateFailsWithThatResultAndACauseNamingThePipeline(BuildResult result) {
        Throwable failure = StepOutcomes.failureOf(outcome(result, OutcomeReason.COMPLETED), true);

        assertThat(failure).isInstanceOf(FlowInterruptedException.class);
        FlowInterruptedException e = (FlowInterruptedException) failure;
        assertThat(e.getResult()).isSameAs(Result.fromString(result.name()));
        assertThat(e.getResult().toString()).isEqualTo(result.name());
        assertThat(e.isActualInterruption()).isFalse();
        assertThat(e.getCauses()).singleElement().extracting(c -> c.getShortDescription())
                .isEqualTo("CircleCI pipeline #42 (gh/acme/api) ended " + result.name() + ": " + PIPELINE.url());
    }

    @ParameterizedTest
    @EnumSource(value = BuildResult.class, names = {"UNSTABLE", "FAILURE", "NOT_BUILT", "ABORTED"})
    void withoutPropagateNothingFails(BuildResult result) {
        assertThat(StepOutcomes.failureOf(outcome(result, OutcomeReason.COMPLETED), false)).isNull();
    }

    @Test
    void aTimeoutFailsWithTheMessageAndNoStackTrace() {
        Outcome timedOut = new Outcome(BuildResult.FAILURE, OutcomeReason.TIMED_OUT, PIPELINE, List.of(BUILD),
                List.of(), "Gave up after 30m: workflow build is still running.");

        assertThat(StepOutcomes.failureOf(timedOut, false)).isInstanceOf(AbortException.class)
                .hasMessage("Gave up after 30m: workflow build is still running.");
    }

    @Test
    void clientErrorsBecomeMessagesWithTheirHint() {
        CircleCiException e = new UnauthorizedException("CircleCI refused the token (401).",
                "Create a new personal API token.", 401, "Invalid token provided.", "GET", "/api/v2/me");

        Throwable shown = StepOutcomes.userFacing(e);

        assertThat(shown).isInstanceOf(AbortException.class).hasMessage(e.describe());
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(StepOutcomes.userFacing(bug)).isSameAs(bug);
    }

    @Test
    void everyResultHasItsJenkinsCounterpart() {
        for (BuildResult r : BuildResult.values()) {
            assertThat(StepOutcomes.toJenkins(r).toString()).isEqualTo(r.name());
        }
        assertThat(StepOutcomes.toJenkins(BuildResult.UNSTABLE).isWorseThan(Result.SUCCESS)).isTrue();
    }
}
