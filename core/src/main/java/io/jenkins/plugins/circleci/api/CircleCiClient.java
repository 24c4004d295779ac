package io.jenkins.plugins.circleci.api;

import io.jenkins.plugins.circleci.api.model.Artifact;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobDetails;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.Project;
import io.jenkins.plugins.circleci.api.model.TestCase;
import io.jenkins.plugins.circleci.api.model.TriggerResult;
import io.jenkins.plugins.circleci.api.model.User;
import io.jenkins.plugins.circleci.api.model.Workflow;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The CircleCI API v2 client: one instance per host and token, thread-safe, cheap to share.
 *
 * <p>Every method throws a subclass of {@link io.jenkins.plugins.circleci.api.error.CircleCiException} with a hint.
 * Reads, cancel and approve are retried per {@link RetryPolicy}; a trigger is never re-sent once it may have reached
 * CircleCI. All requests draw on the shared {@link RequestBudget} of the host and token.
 */
public final class CircleCiClient {
    /** CircleCI cloud; a CircleCI server installation uses its own host. The API lives under {@code /api/v2}. */
    public static final String DEFAULT_BASE_URL = "https://circleci.com";

    private CircleCiClient() {
        throw new UnsupportedOperationException("implemented with the client");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The host's base URL, without {@code /api/v2}. */
    public URI baseUrl() {
        throw new UnsupportedOperationException();
    }

    public WebUrls webUrls() {
        throw new UnsupportedOperationException();
    }

    public RequestBudget budget() {
        throw new UnsupportedOperationException();
    }

    /**
     * Triggers a pipeline through {@code POST /project/{slug}/pipeline}, or through
     * {@code POST /project/{provider}/{org}/{project}/pipeline/run} when the request has a definition id.
     * Sent once: retried only when the connection was refused or CircleCI answered 429; after a 5xx or a read timeout
     * it throws {@link io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException}.
     */
    public TriggerResult trigger(TriggerRequest request) {
        throw new UnsupportedOperationException();
    }

    public Pipeline getPipeline(String pipelineId) {
        throw new UnsupportedOperationException();
    }

    /** All workflows of the pipeline, every page. */
    public List<Workflow> listWorkflows(String pipelineId) {
        throw new UnsupportedOperationException();
    }

    public Workflow getWorkflow(String workflowId) {
        throw new UnsupportedOperationException();
    }

    /** All jobs of the workflow, every page. */
    public List<Job> listJobs(String workflowId) {
        throw new UnsupportedOperationException();
    }

    public JobDetails getJob(ProjectSlug project, long jobNumber) {
        throw new UnsupportedOperationException();
    }

    /** All test results of the job, every page. */
    public List<TestCase> listTests(ProjectSlug project, long jobNumber) {
        throw new UnsupportedOperationException();
    }

    /** All artifacts of the job, every page. */
    public List<Artifact> listArtifacts(ProjectSlug project, long jobNumber) {
        throw new UnsupportedOperationException();
    }

    public Project getProject(ProjectSlug project) {
        throw new UnsupportedOperationException();
    }

    /** The token's user: what "Test connection" shows. */
    public User me() {
        throw new UnsupportedOperationException();
    }

    public void cancelWorkflow(String workflowId) {
        throw new UnsupportedOperationException();
    }

    public void approve(String workflowId, String approvalRequestId) {
        throw new UnsupportedOperationException();
    }

    /** Reruns a workflow (from failed, or whole); returns the new workflow's id, in the same pipeline. */
    public String rerunWorkflow(String workflowId, boolean fromFailed) {
        throw new UnsupportedOperationException();
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException();
    }

    public static final class Builder {
        Builder() {}

        /** {@code https://circleci.com} by default; a CircleCI server's base URL otherwise (with or without /api/v2). */
        public Builder baseUrl(String baseUrl) {
            throw new UnsupportedOperationException();
        }

        /** A CircleCI personal API token, sent as {@code Circle-Token}. */
        public Builder token(String token) {
            throw new UnsupportedOperationException();
        }

        public Builder connectTimeout(Duration timeout) {
            throw new UnsupportedOperationException();
        }

        public Builder readTimeout(Duration timeout) {
            throw new UnsupportedOperationException();
        }

        /** A base OkHttp client to derive from, e.g. one with Jenkins' proxy settings. */
        public Builder httpClient(OkHttpClient base) {
            throw new UnsupportedOperationException();
        }

        public Builder retryPolicy(RetryPolicy policy) {
            throw new UnsupportedOperationException();
        }

        /** The rate of the JVM-wide budget shared by host and token (ignored when {@link #budget} is set). */
        public Builder rateLimit(RateLimit limit) {
            throw new UnsupportedOperationException();
        }

        /** Uses this budget instead of the JVM-wide one. */
        public Builder budget(RequestBudget budget) {
            throw new UnsupportedOperationException();
        }

        /** The clock for backoff, {@code Retry-After} dates and the budget; the system clock by default. */
        public Builder clock(Clock clock) {
            throw new UnsupportedOperationException();
        }

        public CircleCiClient build() {
            throw new UnsupportedOperationException();
        }
    }
}
