package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Items of {@code GET /project/{slug}/{job-number}/artifacts}. Downloading {@code url} needs the same token. */
public record Artifact(
        @JsonProperty("path") String path,
        @JsonProperty("node_index") int nodeIndex,
        @JsonProperty("url") String url) {}
