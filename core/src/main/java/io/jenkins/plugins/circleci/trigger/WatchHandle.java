package io.jenkins.plugins.circleci.trigger;

import java.util.concurrent.CompletableFuture;

/** One running wait. */
public interface WatchHandle {

    /**
     * Completes with the outcome, or exceptionally with a
     * {@link io.jenkins.plugins.circleci.api.error.CircleCiException} when CircleCI refused the wait (401, pipeline
     * not found) or stayed unreachable beyond the outage patience.
     */
    CompletableFuture<Outcome> outcome();

    /** Look now instead of at the next scheduled poll (a webhook said something changed). */
    void nudge();

    /**
     * Stops waiting. With {@link WatchOptions#cancelOnAbort()}, cancels every workflow of the pipeline that is not yet
     * terminal. The outcome completes with ABORTED.
     */
    CompletableFuture<Outcome> abort(String reason);

    /** The latest state, for saving. */
    WatchState state();
}
