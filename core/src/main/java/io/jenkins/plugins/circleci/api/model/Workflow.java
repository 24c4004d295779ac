package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code GET /workflow/{id}} and the items of {@code GET /pipeline/{id}/workflow}. {@code stoppedAt} is null while it
 * runs; {@code tag} is "setup" for a dynamic-config setup workflow; the auto-rerun fields are absent unless used.
 */
public record Workflow(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("status") WorkflowStatus status,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("stopped_at") Instant stoppedAt,
        @JsonProperty("pipeline_id") String pipelineId,
        @JsonProperty("pipeline_number") long pipelineNumber,
        @JsonProperty("project_slug") String projectSlug,
        @JsonProperty("started_by") String startedBy,
        @JsonProperty("canceled_by") String canceledBy,
        @JsonProperty("errored_by") String erroredBy,
        @JsonProperty("tag") String tag,
        @JsonProperty("auto_rerun_number") Integer autoRerunNumber,
        @JsonProperty("max_auto_reruns") Integer maxAutoReruns) {

    public boolean isSetup() {
        return "setup".equals(tag);
    }
}
