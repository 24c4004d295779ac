package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * Refuses a pipeline without a state and workflows without an id, name, status or creation time (all required by
     * CircleCI's spec): an answer the rules cannot
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
            // created_at decides which run of a name stands for it (reruns supersede): without it an old success
            // could stand for a newer failure.
            if (w == null || w.id() == null || w.name() == null || w.status() == null || w.createdAt() == null) {
                throw malformed("GET", "/pipeline/{id}/workflow", "a workflow without an id, name, status or "
                        + "creation time");
            }
        }
        return workflows;
    }

    /** Refuses jobs without a name or status, like workflows: a job of no status could be the one still running. */
    static List<Job> wellFormedJobs(List<Job> jobs) {
        for (Job j : jobs) {
            if (j == null || j.name() == null || j.status() == null) {
                throw malformed("GET", "/workflow/{id}/job", "a job without a name or status");
            }
        }
        return jobs;
    }

    /**
     * Refuses a workflow list that lacks a workflow an earlier list of the same pipeline showed. CircleCI never takes a
     * workflow away (a rerun adds one beside it), so a list without one is a lagging replica or a cut answer; judged
     * as it stands, the workflows left in it could pass for the whole pipeline, and a success for one that was still
     * running. Retried like any unreadable answer, so a list that stays short ends the wait as an outage, never as a
     * verdict.
     */
    static List<Workflow> keepsEverySeen(List<Workflow> workflows, Set<String> seenIds) {
        Set<String> listed = new HashSet<>();
        workflows.forEach(w -> listed.add(w.id()));
        for (String id : seenIds) {
            if (!listed.contains(id)) {
                throw malformed("GET", "/pipeline/{id}/workflow", "a workflow list that lacks workflow " + id
                        + ", which an earlier list showed");
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
