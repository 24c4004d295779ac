package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What one look at CircleCI showed: the pipeline's state (CircleCI's text), its errors[] messages, and every workflow of
 * the pipeline (superseded reruns included).
 */
record Observation(String pipelineState, List<String> pipelineErrors, List<Workflow> workflows) {

    Observation {
        pipelineErrors = pipelineErrors == null ? List.of() : List.copyOf(pipelineErrors);
        workflows = workflows == null ? List.of() : List.copyOf(workflows);
    }

    boolean errored() {
        return "errored".equals(pipelineState);
    }

    /** The workflows as a saved state remembers them: for a wait that must end before it could look again. */
    static Observation fromState(WatchState state) {
        List<Workflow> workflows = new ArrayList<>();
        state.workflows().forEach((id, seen) -> workflows.add(new Workflow(id, seen.name(),
                WorkflowStatus.of(seen.status()), seen.createdAt(), null, state.pipelineId(), state.pipelineNumber(),
                state.projectSlug(), null, null, null, seen.setup() ? "setup" : null, null, null)));
        return new Observation(state.pipelineState(), List.of(), workflows);
    }
}
