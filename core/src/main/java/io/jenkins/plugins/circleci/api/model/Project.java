package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /project/{slug}}: the only way to learn the project's UUID. */
public record Project(
        @JsonProperty("id") String id,
        @JsonProperty("slug") String slug,
        @JsonProperty("name") String name,
        @JsonProperty("organization_name") String organizationName,
        @JsonProperty("organization_slug") String organizationSlug,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("vcs_info") VcsInfo vcsInfo) {

    public record VcsInfo(
            @JsonProperty("vcs_url") String vcsUrl,
            @JsonProperty("provider") String provider,
            @JsonProperty("default_branch") String defaultBranch) {}
}
