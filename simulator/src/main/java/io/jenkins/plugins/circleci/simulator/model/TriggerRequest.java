package io.jenkins.plugins.circleci.simulator.model;

import java.util.Map;

/**
 * A validated trigger: the ref ({@code branch} or {@code tag}, at most one) and the pipeline parameters.
 *
 * @param viaPipelineRun true when it came through {@code pipeline/run} (the only endpoint that can answer "not triggered")
 */
public record TriggerRequest(String branch, String tag, Map<String, Object> parameters, boolean viaPipelineRun) {

    public TriggerRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
