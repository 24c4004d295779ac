package io.jenkins.plugins.circleci.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the simulator knows a pipeline to be at one instant, straight from its model rather than through the API: the
 * yardstick a soak compares a client's verdict with. Every workflow visible at that instant is listed, superseded
 * runs (automatic or manual reruns) included, oldest first.
 *
 * @param state        {@code setup-pending}, {@code setup}, {@code pending}, {@code created} or {@code errored}
 * @param errors       the messages of the pipeline's {@code errors[]} (an errored pipeline)
 * @param parameters   the pipeline parameters it was triggered with
 * @param completedAt  when its last workflow became terminal with nothing more due (or it errored, or was created
 *                     with no workflow); null while anything runs, waits for approval, or is still due
 */
public record PipelineTruth(String id, long number, String projectSlug, String branch, Map<String, Object> parameters,
                            Instant triggeredAt, String state, List<String> errors, List<Workflow> workflows,
                            Instant completedAt) {

    public PipelineTruth {
        parameters = Map.copyOf(parameters);
        errors = List.copyOf(errors);
        workflows = List.copyOf(workflows);
    }

    /** Whether nothing about this pipeline can change any more without someone acting on it. */
    public boolean complete() {
        return completedAt != null;
    }

    /**
     * A workflow as the simulator sees it.
     *
     * @param autoRerunNumber 1, 2, ... for an automatic rerun; null otherwise
     * @param jobs            job name → status, in the workflow's order
     */
    public record Workflow(String id, String name, String status, boolean setup, Integer autoRerunNumber,
                           Instant createdAt, Instant stoppedAt, Map<String, String> jobs) {
        public Workflow {
            jobs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(jobs));
        }
    }
}
