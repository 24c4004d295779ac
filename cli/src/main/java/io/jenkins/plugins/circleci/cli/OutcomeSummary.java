package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;

/** The one-line human summary printed to stdout without {@code --json}: {@code SUCCESS: <why> <url>}. */
final class OutcomeSummary {

    private OutcomeSummary() {}

    static String line(Outcome outcome) {
        StringBuilder line = new StringBuilder(outcome.result() == null ? "TRIGGERED" : outcome.result().name())
                .append(": ").append(outcome.message());
        PipelineSummary pipeline = outcome.pipeline();
        if (pipeline != null) {
            if (outcome.reason() == OutcomeReason.NOT_WAITED) {
                // The id is what a later 'circleci-trigger wait --pipeline-id' needs.
                line.append(" Pipeline id: ").append(pipeline.id()).append('.');
            }
            if (pipeline.url() != null) {
                line.append(' ').append(pipeline.url());
            }
        }
        return line.toString();
    }
}
