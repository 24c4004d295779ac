package io.jenkins.plugins.circleci.trigger;

import java.io.Serializable;
import java.util.List;

/**
 * How a trigger or a wait ended. {@code result} is null exactly when the reason is {@link OutcomeReason#NOT_WAITED}
 * (the constructor refuses anything else). {@code errors}
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
        // Enforced here so that no shell can ever read a missing result as a success.
        if ((result == null) != (reason == OutcomeReason.NOT_WAITED)) {
            throw new IllegalArgumentException(result == null
                    ? "An outcome needs a result unless the pipeline was not waited for; the reason was " + reason
                    : "A pipeline that was not waited for has no result; got " + result);
        }
        workflows = workflows == null ? List.of() : List.copyOf(workflows);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
