package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The 201 answer of a trigger: the new pipeline's id and number. */
public record PipelineCreation(
        @JsonProperty("id") String id,
        @JsonProperty("state") PipelineState state,
        @JsonProperty("number") long number,
        @JsonProperty("created_at") Instant createdAt) {}
