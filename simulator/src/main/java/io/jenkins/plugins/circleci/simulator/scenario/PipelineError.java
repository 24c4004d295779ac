package io.jenkins.plugins.circleci.simulator.scenario;

import java.util.Objects;

/** An entry of a pipeline's {@code errors[]}: {@code type} is one of the spec's enum ({@code config}, {@code config-fetch}...). */
public record PipelineError(String type, String message) {

    public PipelineError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
