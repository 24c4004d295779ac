package io.jenkins.plugins.circleci.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a trigger produced: a pipeline, or (a 200 from {@code pipeline/run}) CircleCI's reason for creating none,
 * such as "Ignoring pipeline due to CI skip in the commit".
 */
public final class TriggerResult {
    private final PipelineCreation pipeline;
    private final String notTriggeredReason;

    private TriggerResult(PipelineCreation pipeline, String notTriggeredReason) {
        this.pipeline = pipeline;
        this.notTriggeredReason = notTriggeredReason;
    }

    public static TriggerResult triggered(PipelineCreation pipeline) {
        return new TriggerResult(Objects.requireNonNull(pipeline), null);
    }

    public static TriggerResult notTriggered(String reason) {
        return new TriggerResult(null, reason == null ? "" : reason);
    }

    public boolean isTriggered() {
        return pipeline != null;
    }

    public Optional<PipelineCreation> pipeline() {
        return Optional.ofNullable(pipeline);
    }

    /** CircleCI's message when no pipeline was created; empty when one was. */
    public Optional<String> notTriggeredReason() {
        return Optional.ofNullable(notTriggeredReason);
    }

    @Override
    public String toString() {
        return isTriggered() ? "TriggerResult[triggered " + pipeline + "]" : "TriggerResult[not triggered: " + notTriggeredReason + "]";
    }
}
