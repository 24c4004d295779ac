package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeViewTest {
    private static final PipelineSummary PIPELINE = new PipelineSummary("5034460f-c7c4-4c43-9457-de07e2029e7b", 42,
            "gh/acme/api", "created", "https://app.circleci.com/pipelines/github/acme/api/42");

    @Test
    void carriesThePipelineTheResultAndEachWorkflow() {
        Outcome outcome = new Outcome(BuildResult.FAILURE, OutcomeReason.COMPLETED, PIPELINE,
                List.of(new WorkflowSummary("w1", "build", "failed", "https://app/w1")), List.of(), "done");

        Map<String, Object> view = OutcomeView.of(outcome, "gh/acme/other");

        assertThat(view).containsExactly(Map.entry("id", PIPELINE.id()), Map.entry("number", 42L),
                Map.entry("project", "gh/acme/api"), Map.entry("state", "created"), Map.entry("result", "FAILURE"),
                Map.entry("url", PIPELINE.url()), Map.entry("workflows",
                        List.of(Map.of("id", "w1", "name", "build", "status", "failed", "url", "https://app/w1"))));
    }

    @Test
    void aPipelineNeverCreatedShowsTheProjectAskedForAndNullsElsewhere() {
        Outcome notTriggered = new Outcome(BuildResult.NOT_BUILT, OutcomeReason.NOT_TRIGGERED, null, List.of(),
                List.of(), "Ignoring pipeline due to CI skip in the commit");

        Map<String, Object> view = OutcomeView.of(notTriggered, "gh/acme/api");

        assertThat(view).containsEntry("project", "gh/acme/api").containsEntry("id", null)
                .containsEntry("number", null).containsEntry("url", null).containsEntry("result", "NOT_BUILT");
        assertThat(OutcomeView.of(new Outcome(null, OutcomeReason.NOT_WAITED, PIPELINE, List.of(), List.of(), ""),
                null)).containsEntry("result", null).containsEntry("number", 42L);
    }
}
