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
     * terminal, and keeps canceling those that start later (see {@link #cancellationsDone()}). The outcome completes
     * with ABORTED right after the first cancel requests.
     */
    CompletableFuture<Outcome> abort(String reason);

    /**
     * Completes once this wait sends no more cancel requests. After an abort or a timeout with
     * {@link WatchOptions#cancelOnAbort()}, that is after the outcome: the wait keeps looking at the pipeline on its
     * scheduler and cancels every workflow that starts late (a pipeline still being set up, a setup workflow's
     * continuation, an automatic rerun) until nothing more can start, or for at most {@link WatchOptions#abortSweep()}.
     * Otherwise it completes with the outcome. A process that exits after the outcome waits for this first; it is
     * cancelled when the watcher closes.
     */
    CompletableFuture<Void> cancellationsDone();

    /** The latest state, for saving. */
    WatchState state();
}
