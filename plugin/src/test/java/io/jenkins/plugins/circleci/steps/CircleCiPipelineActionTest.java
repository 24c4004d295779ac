package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import io.jenkins.plugins.circleci.failure.FailedJob;
import io.jenkins.plugins.circleci.failure.FailedTest;
import io.jenkins.plugins.circleci.failure.FailureReport;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** The build page's record of CircleCI pipelines: workflows, failed jobs and tests, environment, REST export. */
class CircleCiPipelineActionTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static Outcome outcome(String id, long number, BuildResult result, List<WorkflowSummary> workflows) {
        return new Outcome(result, OutcomeReason.COMPLETED, new PipelineSummary(id, number, "gh/acme/api", "created",
                "https://app.circleci.com/pipelines/github/acme/api/" + number), workflows, List.of(), "done");
    }

    private static WorkflowSummary workflow(String id, String name, String status, long seconds) {
        return new WorkflowSummary(id, name, status, "https://app.circleci.com/w/" + id, T0, T0.plusSeconds(seconds));
    }

    @Test
    void aFinishedStepRecordsItsWorkflowsFailedJobsAndTests() {
        CircleCiPipelineAction action = new CircleCiPipelineAction();
        FailedJob job = new FailedJob("w1", "build", "test", 7, "failed", Duration.ofSeconds(32),
                "https://app.circleci.com/jobs/7", List.of(new FailedTest("com.acme.CartTest", "addsItem",
                        "CartTest.java", List.of("expected: <3>", "but was: <2>"))), 3, true, null, List.of());
        action.recordProgress(new PipelineSummary("p1", 42, "gh/acme/api", null, "https://x/42"), null);
        action.recordFinished(outcome("p1", 42, BuildResult.FAILURE, List.of(workflow("w1", "build", "failed", 133),
                workflow("w2", "lint", "success", 41))), new FailureReport(List.of(job), 0, List.of()));

        CircleCiPipelineAction.Entry entry = action.getPipelines().get(0);
        assertThat(action.getPipelines()).hasSize(1);
        assertThat(entry.getResult()).isEqualTo("FAILURE");
        assertThat(entry.getWorkflows()).extracting(CircleCiPipelineAction.WorkflowEntry::getName)
                .containsExactly("build", "lint");
        CircleCiPipelineAction.WorkflowEntry build = entry.getWorkflows().get(0);
        assertThat(build.getStatus()).isEqualTo("failed");
        assertThat(build.getDuration()).isEqualTo("2m13s");
        assertThat(build.getDurationSeconds()).isEqualTo(133L);
        assertThat(build.getUrl()).isEqualTo("https://app.circleci.com/w/w1");
        CircleCiPipelineAction.JobEntry failed = build.getFailedJobs().get(0);
        assertThat(failed.getName()).isEqualTo("test");
        assertThat(failed.getDuration()).isEqualTo("32s");
        assertThat(failed.getMoreTests()).isEqualTo(2);
        assertThat(failed.getTests().get(0).getFullName()).isEqualTo("com.acme.CartTest.addsItem");
        assertThat(failed.getTests().get(0).getMessage()).isEqualTo("expected: <3>\nbut was: <2>");
        assertThat(entry.getWorkflows().get(1).getFailedJobs()).isEmpty();

        // A later progress update of the same pipeline keeps what the finished step recorded.
        action.recordProgress(new PipelineSummary("p1", 42, "gh/acme/api", null, "https://x/42"), BuildResult.FAILURE);
        assertThat(action.getPipelines().get(0).getWorkflows()).hasSize(2);
    }

    @Test
    void theEnvironmentNamesThePipelineOfTheStepThatEndedLast() {
        CircleCiPipelineAction action = new CircleCiPipelineAction();
        EnvVars before = new EnvVars();
        action.recordProgress(new PipelineSummary("p1", 1, "gh/acme/api", null, null), null);
        action.buildEnvironment(null, before);
        assertThat(before).as("no step ended yet").isEmpty();

        action.recordFinished(outcome("p1", 1, BuildResult.SUCCESS, List.of()), FailureReport.NONE);
        action.recordFinished(outcome("p2", 2, BuildResult.FAILURE, List.of()), FailureReport.NONE);
        action.recordProgress(new PipelineSummary("p3", 3, "gh/acme/api", null, null), null);
        EnvVars env = new EnvVars();
        action.buildEnvironment(null, env);
        assertThat(env).containsEntry("CIRCLECI_PIPELINE_ID", "p2").containsEntry("CIRCLECI_PIPELINE_NUMBER", "2")
                .containsEntry("CIRCLECI_PIPELINE_URL", "https://app.circleci.com/pipelines/github/acme/api/2");
        action.recordFinished(outcome("p1", 1, BuildResult.SUCCESS, List.of()), FailureReport.NONE);
        EnvVars again = new EnvVars();
        action.buildEnvironment(null, again);
        assertThat(again).containsEntry("circleci_pipeline_id", "p1");
    }

    @Test
    void aLinkThatIsNotAWebLinkIsNotOffered() {
        CircleCiPipelineAction action = new CircleCiPipelineAction();
        action.recordFinished(new Outcome(BuildResult.SUCCESS, OutcomeReason.COMPLETED, new PipelineSummary("p1", 1,
                "gh/acme/api", "created", "javascript:alert(1)"), List.of(new WorkflowSummary("w", "build", "success",
                "javascript:alert(2)")), List.of(), ""), FailureReport.NONE);
        assertThat(action.getPipelines().get(0).getUrl()).isNull();
        assertThat(action.getPipelines().get(0).getWorkflows().get(0).getUrl()).isNull();
        EnvVars env = new EnvVars();
        action.buildEnvironment(null, env);
        assertThat(env).containsKey("CIRCLECI_PIPELINE_ID").doesNotContainKey("CIRCLECI_PIPELINE_URL");
    }

    @Test
    void everyPartIsExportedToTheRestApi() throws Exception {
        for (Class<?> type : List.of(CircleCiPipelineAction.class, CircleCiPipelineAction.Entry.class,
                CircleCiPipelineAction.WorkflowEntry.class, CircleCiPipelineAction.JobEntry.class,
                CircleCiPipelineAction.TestEntry.class)) {
            assertThat(type.getAnnotation(ExportedBean.class)).as(type.getSimpleName()).isNotNull();
        }
        assertThat(exported(CircleCiPipelineAction.class)).containsExactly("getPipelines");
        assertThat(exported(CircleCiPipelineAction.Entry.class)).containsExactlyInAnyOrder("getId", "getNumber",
                "getProject", "getUrl", "getResult", "getWorkflows");
        assertThat(exported(CircleCiPipelineAction.WorkflowEntry.class)).containsExactlyInAnyOrder("getId",
                "getName", "getStatus", "getUrl", "getDurationSeconds", "getFailedJobs");
        assertThat(exported(CircleCiPipelineAction.JobEntry.class)).containsExactlyInAnyOrder("getName",
                "getNumber", "getStatus", "getUrl", "getDurationSeconds", "getFailedTests", "isTestsComplete",
                "getTests");
        assertThat(exported(CircleCiPipelineAction.TestEntry.class)).containsExactlyInAnyOrder("getClassname",
                "getName", "getFile", "getMessage");
    }

    private static List<String> exported(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getAnnotation(Exported.class) != null).map(Method::getName).toList();
    }
}
