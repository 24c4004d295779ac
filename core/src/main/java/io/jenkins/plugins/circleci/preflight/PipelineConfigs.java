package io.jenkins.plugins.circleci.preflight;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.PipelineConfig;
import java.util.List;

/** The two reads the pre-flight check makes; a seam so its decisions can be tested without HTTP. */
interface PipelineConfigs {

    /** The newest pipelines of the branch, one page, newest first. */
    List<Pipeline> newestOnBranch(ProjectSlug project, String branch);

    PipelineConfig config(String pipelineId);

    /**
     * Through the client, without retries: each read is one request, so the check costs at most two, and a CircleCI
     * that answers badly delays the trigger by one request's time, not a retry schedule's.
     */
    static PipelineConfigs of(CircleCiClient client) {
        CircleCiClient once = client.withRetryPolicy(RetryPolicy.none());
        return new PipelineConfigs() {
            @Override
            public List<Pipeline> newestOnBranch(ProjectSlug project, String branch) {
                return once.listPipelines(project, branch, 1).items();
            }

            @Override
            public PipelineConfig config(String pipelineId) {
                return once.getPipelineConfig(pipelineId);
            }
        };
    }
}
