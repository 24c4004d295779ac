package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** {@code GET /pipeline/{id}}. {@code vcs} is optional (absent for GitHub App / GitLab projects). */
public record Pipeline(
        @JsonProperty("id") String id,
        @JsonProperty("number") long number,
        @JsonProperty("project_slug") String projectSlug,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("state") PipelineState state,
        @JsonProperty("errors") List<PipelineError> errors,
        @JsonProperty("trigger") Trigger trigger,
        @JsonProperty("vcs") Vcs vcs) {

    public Pipeline {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record Trigger(
            @JsonProperty("type") String type,
            @JsonProperty("received_at") Instant receivedAt,
            @JsonProperty("actor") Actor actor) {}

    public record Actor(@JsonProperty("login") String login, @JsonProperty("avatar_url") String avatarUrl) {}

    public record Vcs(
            @JsonProperty("provider_name") String providerName,
            @JsonProperty("revision") String revision,
            @JsonProperty("branch") String branch,
            @JsonProperty("tag") String tag) {}
}
