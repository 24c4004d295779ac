package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Items of {@code GET /project/{slug}/{job-number}/tests}; {@code result} is free text (success, failure, ...). */
public record TestCase(
        @JsonProperty("name") String name,
        @JsonProperty("classname") String classname,
        @JsonProperty("file") String file,
        @JsonProperty("result") String result,
        @JsonProperty("message") String message,
        @JsonProperty("source") String source,
        @JsonProperty("run_time") double runTimeSeconds) {}
