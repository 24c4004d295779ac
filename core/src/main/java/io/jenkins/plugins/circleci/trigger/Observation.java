package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.model.Pipeline;
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

    /** The pipeline's workflows have been created; an unknown state (none read yet) counts as created. */
    boolean created() {
        return pipelineState == null || "created".equals(pipelineState);
    }

    /**
     * Refuses a pipeline without a state and workflows without an id, name or status: an answer the rules cannot
     * judge is treated like any unreadable answer (retried), never guessed at.
     */
    static Pipeline wellFormed(Pipeline pipeline) {
        if (pipeline == null || pipeline.state() == null) {
            throw malformed("GET", "/pipeline/{id}", "a pipeline without a state");
        }
        return pipeline;
    }

    static List<Workflow> wellFormed(List<Workflow> workflows) {
        for (Workflow w : workflows) {
            if (w == null || w.id() == null || w.name() == null || w.status() == null) {
                throw malformed("GET", "/pipeline/{id}/workflow", "a workflow without an id, name or status");
            }
        }
        return workflows;
    }

    private static MalformedResponseException malformed(String method, String path, String what) {
        return new MalformedResponseException("CircleCI answered " + method + " " + path + " with " + what + ".",
                "This is usually a passing fault of CircleCI or of a proxy; the wait retries it.", method, path, null);
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
