package io.jenkins.plugins.circleci.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Triggers the pipelines that the contenders wait for, the same way for all of them, so that only the waits differ.
 * Its requests are counted apart from the waits'.
 */
public final class PipelineStarter {

    private final PlainApi api;

    public PipelineStarter(PlainApi api) {
        this.api = api;
    }

    public Triggered trigger(String projectSlug) {
        try {
            JsonNode created = api.post("/project/" + projectSlug + "/pipeline", "{\"branch\":\"main\"}");
            return new Triggered(created.path("id").asText(), created.path("number").asLong(), projectSlug,
                    created.path("state").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not trigger a pipeline on " + projectSlug, e);
        }
    }
}
