package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.trigger.WatchHandle;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns an interrupt into an orderly end of one run: abort the wait, which cancels the running workflows unless
 * {@code --no-cancel-on-abort} (core completes the outcome once the first cancel calls are done, then keeps canceling
 * the workflows that start late for up to the abort sweep); let the main thread print the ABORTED outcome and wait for
 * that sweep; only then hand the exit code to whoever ends the process. An interrupt that comes while
 * the trigger is in flight lets the trigger finish (its answer says which pipeline to cancel), then aborts the wait
 * as soon as it starts. An interrupt after a {@code --no-wait} run decided not to wait cancels nothing and says so:
 * {@link #decideNotToWait()} and {@link #onInterrupt()} agree under one lock on which of the two came first.
 * Bounded, so a hung CircleCI cannot keep the process alive after Ctrl-C; meanwhile the JVM is shutting down, so a
 * second signal does nothing, which the first message says, together with what {@code kill -9} would cost.
 */
final class AbortOnInterrupt {
    /**
     * How long canceling the workflows and printing the outcome may take, beyond the abort sweep, before the CLI exits
     * anyway.
     */
    static final Duration BOUND = Duration.ofSeconds(30);
    /**
     * How much longer an interrupt during the trigger waits: the client's default retry budget for a trigger that
     * cannot have arrived (2 min) plus one attempt's connect and read timeouts (10 s + 30 s).
     */
    static final Duration TRIGGER_BOUND = Duration.ofMinutes(2).plusSeconds(40);
    private static final String REASON = "interrupted by a signal";

    private final ProgressPrinter progress;
    private final WatchOptions options;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private WatchHandle handle;
    private boolean interrupted;
    private boolean notWaiting;

    AbortOnInterrupt(ProgressPrinter progress, WatchOptions options) {
        this.progress = progress;
        this.options = options;
    }

    /** The longest an interrupted (or timed-out) wait may take to end: the abort sweep plus {@link #BOUND}. */
    static Duration bound(WatchOptions options) {
        return options.cancelOnAbort() ? options.abortSweep().plus(BOUND) : BOUND;
    }

    /** Runs on the interrupt's thread; returns the exit code the process must end with. */
    int onInterrupt() {
        WatchHandle watching;
        boolean first;
        boolean leftRunning;
        synchronized (this) {
            first = !interrupted && !exitCode.isDone();
            interrupted = true;
            watching = handle;
            leftRunning = notWaiting;
        }
        boolean cancels = options.cancelOnAbort() && !leftRunning;
        Duration bound = leftRunning ? BOUND : bound(options);
        if (first && leftRunning) {
            progress.line("Interrupted after the trigger: not waiting for the pipeline (--no-wait), so its workflows "
                    + "keep running.");
        } else if (first && watching != null) {
            progress.line(cancels ? "Interrupted: canceling the pipeline's running workflows" + sweepNote(bound)
                    : "Interrupted: leaving the pipeline's workflows running (--no-cancel-on-abort).");
            watching.abort(REASON);
        } else if (first) {
            bound = bound.plus(TRIGGER_BOUND);
            progress.line("Interrupted while triggering: waiting for CircleCI's answer, then "
                    + (cancels ? "canceling the pipeline's running workflows" + sweepNote(bound)
                            : "leaving the pipeline's workflows running (--no-cancel-on-abort)."));
        }
        try {
            return exitCode.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ABORTED;
        } catch (ExecutionException | TimeoutException e) {
            progress.line("WARNING: " + (watching == null ? "the trigger and canceling" : "canceling")
                    + " did not finish within " + bound.toSeconds() + "s; check the pipeline's workflows in CircleCI.");
            return ExitCodes.ABORTED;
        }
    }

    /**
     * What a canceling interrupt adds: the CLI also cancels workflows that start late, so it may take a while, and the
     * JVM is already shutting down, so another Ctrl-C is not heard; only {@code kill -9} ends it sooner.
     */
    private static String sweepNote(Duration bound) {
        return ", and any that start late, exiting within " + bound.toSeconds() + "s. Another Ctrl-C does nothing "
                + "meanwhile; kill -9 exits at once but cancels nothing more.";
    }

    /**
     * A {@code --no-wait} run asks whether it may end without waiting: yes unless an interrupt came first (then it
     * waits, to abort, since the pipeline would otherwise run on unattended). Once it said yes, an interrupt cancels
     * nothing and says so.
     */
    synchronized boolean decideNotToWait() {
        if (interrupted) {
            return false;
        }
        notWaiting = true;
        return true;
    }

    /** The wait has started; an interrupt that came before (during the trigger) aborts it now. */
    void watching(WatchHandle started) {
        boolean abortNow;
        synchronized (this) {
            handle = started;
            abortNow = interrupted;
        }
        if (abortNow) {
            started.abort(REASON);
        }
    }

    /** The main thread printed how the run ended; the interrupt may now end the process with this code. */
    void finished(int code) {
        exitCode.complete(code);
    }
}
