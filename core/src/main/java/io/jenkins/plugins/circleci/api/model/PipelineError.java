package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code Pipeline.errors[]}; {@code type} is kept as text (config, config-fetch, timeout, ...). */
public record PipelineError(@JsonProperty("type") String type, @JsonProperty("message") String message) {}
