package io.jenkins.plugins.circleci.trigger;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * All a wait needs to resume after a restart: the pipeline's ids, the workflows seen so far and the deadline. It never
 * holds a secret. Immutable; the watcher publishes a new one through {@link ProgressListener#onStateChanged}.
 */
public final class WatchState implements Serializable {
    private static final long serialVersionUID = 1L;

    private WatchState() {
        throw new UnsupportedOperationException("implemented with the engine");
    }

    /** A wait for a pipeline that was just triggered. */
    public static WatchState forTriggered(PipelineSummary pipeline, Instant now, WatchOptions options) {
        throw new UnsupportedOperationException("implemented with the engine");
    }

    /** A wait for a pipeline known only by its id (circleciWait, the CLI's wait); the rest is learned on the first poll. */
    public static WatchState forPipelineId(String pipelineId, Instant now, WatchOptions options) {
        throw new UnsupportedOperationException("implemented with the engine");
    }

    public String pipelineId() {
        throw new UnsupportedOperationException();
    }

    /** The pipeline number, or 0 while unknown. */
    public long pipelineNumber() {
        throw new UnsupportedOperationException();
    }

    /** The project slug, or null while unknown. */
    public String projectSlug() {
        throw new UnsupportedOperationException();
    }

    public Instant deadline() {
        throw new UnsupportedOperationException();
    }

    /** Workflow id → last status seen. */
    public Map<String, String> workflowStatuses() {
        throw new UnsupportedOperationException();
    }
}
