package io.jenkins.plugins.circleci.trigger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a trigger or a wait tells the user as it goes. Each event renders as one short line ({@link #message()}) and
 * may carry a link ({@link #url()}) that a shell can hyperlink. No event ever carries a secret.
 */
public sealed interface ProgressEvent {

    /** The line to print, without the link. */
    String message();

    /** A link into CircleCI's web app, if the event has one. */
    default Optional<String> url() {
        return Optional.empty();
    }

    /** {@code CircleCI pipeline #42 (gh/acme/api) created}. */
    record PipelineCreated(String pipelineId, long number, String projectSlug, String link) implements ProgressEvent {
        @Override
        public String message() {
            return "CircleCI pipeline #" + number + " (" + projectSlug + ") created";
        }

        @Override
        public Optional<String> url() {
            return Optional.ofNullable(link);
        }
    }

    /** {@code workflow build: running → success (2m13s)}; {@code from} is null for a workflow seen for the first time. */
    record WorkflowStatusChanged(String workflowId, String name, String from, String to, Duration duration, String link)
            implements ProgressEvent {
        @Override
        public String message() {
            String change = from == null ? to : from + " → " + to;
            return "workflow " + name + ": " + change + (duration == null ? "" : " (" + DurationText.format(duration) + ")");
        }

        @Override
        public Optional<String> url() {
            return Optional.ofNullable(link);
        }
    }

    /** A job of a failed workflow, with its link. */
    record JobLink(String name, String status, String link) {}

    /** The failed jobs of a workflow, by name. */
    record FailedJobs(String workflowId, String workflowName, List<JobLink> jobs) implements ProgressEvent {
        @Override
        public String message() {
            StringBuilder sb = new StringBuilder("workflow " + workflowName + " failed in:");
            for (JobLink j : jobs) {
                sb.append(' ').append(j.name()).append(" (").append(j.status()).append(')');
            }
            return sb.toString();
        }
    }

    /** The pipeline errored; {@code errors} are CircleCI's messages. */
    record PipelineErrored(List<String> errors) implements ProgressEvent {
        @Override
        public String message() {
            return "CircleCI pipeline errored: " + String.join("; ", errors);
        }
    }

    /** A notice worth a line: waiting for approval, for a continuation, for an automatic rerun; cancellation. */
    record Notice(String text, String link) implements ProgressEvent {
        @Override
        public String message() {
            return text;
        }

        @Override
        public Optional<String> url() {
            return Optional.ofNullable(link);
        }
    }

    /** Something went wrong but the wait goes on: a transient error being retried, an unknown status. */
    record Warning(String text) implements ProgressEvent {
        @Override
        public String message() {
            return "WARNING: " + text;
        }
    }
}
