package io.jenkins.plugins.circleci.trigger;

import java.io.Serializable;
import java.util.List;

/**
 * How a trigger or a wait ended. {@code result} is null exactly when the reason {@link OutcomeReason#endsUnjudged()
 * ends unjudged} (not waited for, or followed only until created or until its workflows existed); the constructor
 * refuses anything else. {@code errors}
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
        if ((result == null) != reason.endsUnjudged()) {
            throw new IllegalArgumentException(result == null
                    ? "An outcome needs a result unless the pipeline was not waited for; the reason was " + reason
                    : "A pipeline that was not waited for to the end has no result; got " + result + " for "
                            + reason);
        }
        workflows = workflows == null ? List.of() : List.copyOf(workflows);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
