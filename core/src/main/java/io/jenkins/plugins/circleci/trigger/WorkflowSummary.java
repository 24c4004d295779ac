package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.Workflow;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * One workflow as a shell reports it; {@code status} is CircleCI's text, unknown values included. {@code createdAt}
 * and {@code stoppedAt} are null when not known (a wait that ended without a fresh look, or a workflow still running).
 */
public record WorkflowSummary(String id, String name, String status, String url, Instant createdAt,
        Instant stoppedAt) implements Serializable {

    public WorkflowSummary(String id, String name, String status, String url) {
        this(id, name, status, url, null, null);
    }

    static WorkflowSummary of(Workflow w, String url) {
        return new WorkflowSummary(w.id(), w.name(), w.status().value(), url, w.createdAt(), w.stoppedAt());
    }

    /** How long it ran, once it stopped; null before or when unknown. */
    public Duration duration() {
        return createdAt == null || stoppedAt == null || stoppedAt.isBefore(createdAt) ? null
                : Duration.between(createdAt, stoppedAt);
    }
}
