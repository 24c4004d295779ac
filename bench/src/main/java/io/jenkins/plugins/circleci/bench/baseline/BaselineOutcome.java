package io.jenkins.plugins.circleci.bench.baseline;

import java.util.Map;

/**
 * How a baseline wait ended.
 *
 * @param pipelineState     the pipeline's last state
 * @param workflowStatuses  workflow name → terminal status (empty when the pipeline errored)
 * @param polls             how many polls (each two requests) the wait made
 */
public record BaselineOutcome(String pipelineState, Map<String, String> workflowStatuses, int polls) {

    public BaselineOutcome {
        workflowStatuses = Map.copyOf(workflowStatuses);
    }

    /** The peers' mapping: success only when every workflow succeeded. */
    public boolean success() {
        return "created".equals(pipelineState) && !workflowStatuses.isEmpty()
                && workflowStatuses.values().stream().allMatch("success"::equals);
    }
}
