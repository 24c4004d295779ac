package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** {@code GET /project/{slug}/job/{number}} (not available for approval jobs: CircleCI answers 404). */
public record JobDetails(
        @JsonProperty("number") long number,
        @JsonProperty("name") String name,
        @JsonProperty("status") JobStatus status,
        @JsonProperty("web_url") String webUrl,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("queued_at") Instant queuedAt,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("stopped_at") Instant stoppedAt,
        @JsonProperty("duration") Long durationMillis,
        @JsonProperty("parallelism") Integer parallelism,
        @JsonProperty("latest_workflow") WorkflowRef latestWorkflow,
        @JsonProperty("pipeline") PipelineRef pipeline) {

    public record WorkflowRef(@JsonProperty("id") String id, @JsonProperty("name") String name) {}

    public record PipelineRef(@JsonProperty("id") String id) {}
}
