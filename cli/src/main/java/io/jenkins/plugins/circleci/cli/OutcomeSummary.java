package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;

/**
 * The one-line human summary printed to stdout without {@code --json}: {@code SUCCESS: <why> <url>}; {@code TRIGGERED},
 * {@code CREATED} or {@code STARTED} when the pipeline was not followed to its end.
 */
final class OutcomeSummary {

    private OutcomeSummary() {}

    static String line(Outcome outcome) {
        StringBuilder line = new StringBuilder(label(outcome)).append(": ").append(outcome.message());
        PipelineSummary pipeline = outcome.pipeline();
        if (pipeline != null) {
            if (outcome.reason().endsUnjudged()) {
                // The id is what a later 'circleci-trigger wait --pipeline-id' needs.
                line.append(" Pipeline id: ").append(pipeline.id()).append('.');
            }
            if (pipeline.url() != null) {
                line.append(' ').append(pipeline.url());
            }
        }
        return line.toString();
    }

    /** The result, or for a pipeline not followed to its end how far it was followed. */
    private static String label(Outcome outcome) {
        if (outcome.result() != null) {
            return outcome.result().name();
        }
        return switch (outcome.reason()) {
            case PIPELINE_CREATED -> "CREATED";
            case WORKFLOWS_CREATED -> "STARTED";
            default -> "TRIGGERED";
        };
    }
}
