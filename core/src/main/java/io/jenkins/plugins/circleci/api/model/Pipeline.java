package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /pipeline/{id}}. {@code vcs} is optional (absent for GitHub App / GitLab projects). CircleCI's
 * {@code trigger} (type, time received, actor) is not bound: nothing reads it, and it was the one nested object of a
 * call the watcher makes over and over; Jackson skips it like any other property the model does not name.
 */
public record Pipeline(
        @JsonProperty("id") String id,
        @JsonProperty("number") long number,
        @JsonProperty("project_slug") String projectSlug,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("state") PipelineState state,
        @JsonProperty("errors") List<PipelineError> errors,
        @JsonProperty("vcs") Vcs vcs) {

    public Pipeline {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record Vcs(
            @JsonProperty("provider_name") String providerName,
            @JsonProperty("revision") String revision,
            @JsonProperty("branch") String branch,
            @JsonProperty("tag") String tag) {}
}
