package io.jenkins.plugins.circleci.trigger;

import java.util.Optional;

/** What a trigger produced: a pipeline to wait for, or the outcome NOT_TRIGGERED with CircleCI's reason. */
public record TriggeredPipeline(PipelineSummary pipeline, Outcome notTriggered) {

    public boolean triggered() {
        return pipeline != null;
    }

    /** The final outcome when no pipeline was created. */
    public Optional<Outcome> notTriggeredOutcome() {
        return Optional.ofNullable(notTriggered);
    }

    /** The outcome to return when the caller does not wait: the handle, result null. */
    public Outcome notWaitedOutcome() {
        if (pipeline == null) {
            return notTriggered;
        }
        return new Outcome(null, OutcomeReason.NOT_WAITED, pipeline, java.util.List.of(), java.util.List.of(),
                "Triggered CircleCI pipeline #" + pipeline.number() + " without waiting for it.");
    }
}
