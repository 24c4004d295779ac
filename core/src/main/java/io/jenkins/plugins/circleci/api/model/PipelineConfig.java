package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /pipeline/{pipeline-id}/config}: the config texts of one pipeline. {@code source} and {@code compiled}
 * are required (either may be empty when there was no config or it did not compile); {@code setup-config} and
 * {@code compiled-setup-config} exist only when the pipeline ran a setup workflow (dynamic config).
 */
public record PipelineConfig(
        @JsonProperty("source") String source,
        @JsonProperty("compiled") String compiled,
        @JsonProperty("setup-config") String setupConfig,
        @JsonProperty("compiled-setup-config") String compiledSetupConfig) {}
