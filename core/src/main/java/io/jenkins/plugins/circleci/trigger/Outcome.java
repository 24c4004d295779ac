package io.jenkins.plugins.circleci.trigger;

import java.io.Serializable;
import java.util.List;

/**
 * How a trigger or a wait ended. {@code result} is null only for {@link OutcomeReason#NOT_WAITED}. {@code errors}
 * holds the pipeline's errors[] messages when it errored; {@code message} is one human sentence on why it ended.
 */
public record Outcome(
        BuildResult result,
        OutcomeReason reason,
        PipelineSummary pipeline,
        List<WorkflowSummary> workflows,
        List<String> errors,
        String message) implements Serializable {

    public Outcome {
        workflows = workflows == null ? List.of() : List.copyOf(workflows);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
