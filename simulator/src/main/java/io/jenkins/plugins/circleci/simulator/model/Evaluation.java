package io.jenkins.plugins.circleci.simulator.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One look at a pipeline at one instant. It memoizes each workflow's view because continuations and automatic reruns
 * ask for their predecessor's view. Used under the pipeline's monitor only.
 */
final class Evaluation {

    private final Instant now;
    private final Map<SimWorkflow, Optional<WorkflowView>> views = new HashMap<>();

    Evaluation(Instant now) {
        this.now = now;
    }

    Instant now() {
        return now;
    }

    Optional<WorkflowView> view(SimWorkflow workflow) {
        Optional<WorkflowView> known = views.get(workflow);
        if (known == null) {
            known = workflow.evaluate(this);
            views.put(workflow, known);
        }
        return known;
    }
}
