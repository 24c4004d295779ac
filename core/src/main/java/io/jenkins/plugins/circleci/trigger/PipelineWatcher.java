package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Follows pipelines to their true end on a shared scheduler: no thread per wait. Polls at adaptive intervals with
 * jitter, respects the client's shared request budget, and looks at once when nudged.
 */
public final class PipelineWatcher implements AutoCloseable {

    /** Runs on the given scheduler (Jenkins passes {@code jenkins.util.Timer.get()}); the clock decides deadlines. */
    public PipelineWatcher(ScheduledExecutorService scheduler, Clock clock) {
        throw new UnsupportedOperationException("implemented with the engine");
    }

    /** A watcher with its own small daemon scheduler, shut down by {@link #close()}. */
    public static PipelineWatcher withOwnScheduler() {
        throw new UnsupportedOperationException("implemented with the engine");
    }

    /** Starts (or, from a saved state, resumes) a wait. */
    public WatchHandle watch(CircleCiClient client, WatchState state, WatchOptions options, ProgressListener listener) {
        throw new UnsupportedOperationException("implemented with the engine");
    }

    /**
     * Nudges every wait on this pipeline or workflow id (from a webhook).
     *
     * @return how many waits were nudged
     */
    public int nudge(String pipelineOrWorkflowId) {
        throw new UnsupportedOperationException("implemented with the engine");
    }

    /** How many waits are running. */
    public int activeWatches() {
        throw new UnsupportedOperationException("implemented with the engine");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("implemented with the engine");
    }
}
