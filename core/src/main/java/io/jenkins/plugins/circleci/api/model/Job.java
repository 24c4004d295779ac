package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Items of {@code GET /workflow/{id}/job}. Approval jobs may lack {@code job_number} and {@code started_at}
 * while they wait; {@code approvalRequestId} is what {@code approve} takes.
 */
public record Job(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("job_number") Long jobNumber,
        @JsonProperty("status") JobStatus status,
        @JsonProperty("type") String type,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("stopped_at") Instant stoppedAt,
        @JsonProperty("approval_request_id") String approvalRequestId,
        @JsonProperty("approved_by") String approvedBy,
        @JsonProperty("canceled_by") String canceledBy,
        @JsonProperty("project_slug") String projectSlug,
        @JsonProperty("dependencies") List<String> dependencies) {

    public Job {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    public boolean isApproval() {
        return "approval".equals(type);
    }
}
