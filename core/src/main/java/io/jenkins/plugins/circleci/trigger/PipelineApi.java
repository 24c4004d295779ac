package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.WebUrls;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The few CircleCI calls a wait makes. The watcher talks to CircleCI only through this seam, so its machinery can be
 * tested against an in-memory CircleCI; production code always passes a {@link CircleCiClient}.
 */
interface PipelineApi {

    Pipeline getPipeline(String pipelineId);

    List<Workflow> listWorkflows(String pipelineId);

    List<Job> listJobs(String workflowId);

    void cancelWorkflow(String workflowId);

    /** Zero when a request may be sent now; otherwise how long the shared budget asks us to hold off. */
    Duration timeUntilAvailable();

    /** Holds every caller of the shared budget off until {@code until} (after a 429). */
    void pauseUntil(Instant until);

    WebUrls webUrls();

    /**
     * How long the project's workflows usually take on {@code branch} (null: every branch), from CircleCI Insights.
     * An in-memory CircleCI without history has none.
     */
    default List<WorkflowDuration> workflowDurations(String projectSlug, String branch) {
        return List.of();
    }

    /** What durations are shared by: one host and token (a client's shared request budget stands for both). */
    default Object historyScope() {
        return this;
    }

    static PipelineApi of(CircleCiClient client) {
        return new PipelineApi() {
            @Override
            public Pipeline getPipeline(String pipelineId) {
                return client.getPipeline(pipelineId);
            }

            @Override
            public List<Workflow> listWorkflows(String pipelineId) {
                return client.listWorkflows(pipelineId);
            }

            @Override
            public List<Job> listJobs(String workflowId) {
                return client.listJobs(workflowId);
            }

            @Override
            public void cancelWorkflow(String workflowId) {
                client.cancelWorkflow(workflowId);
            }

            @Override
            public Duration timeUntilAvailable() {
                return client.budget().timeUntilAvailable();
            }

            @Override
            public void pauseUntil(Instant until) {
                client.budget().pauseUntil(until);
            }

            @Override
            public WebUrls webUrls() {
                return client.webUrls();
            }

            @Override
            public List<WorkflowDuration> workflowDurations(String projectSlug, String branch) {
                return client.workflowDurations(ProjectSlug.parse(projectSlug), branch);
            }

            @Override
            public Object historyScope() {
                return client.budget();
            }
        };
    }
}
