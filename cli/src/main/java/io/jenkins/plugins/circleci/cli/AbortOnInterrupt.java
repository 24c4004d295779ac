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
 * as soon as it starts. Bounded, so a hung CircleCI cannot keep the process alive after Ctrl-C.
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
        synchronized (this) {
            first = !interrupted && !exitCode.isDone();
            interrupted = true;
            watching = handle;
        }
        boolean cancels = options.cancelOnAbort();
        Duration bound = bound(options);
        if (first && watching != null) {
            progress.line(cancels ? "Interrupted: canceling the pipeline's running workflows."
                    : "Interrupted: leaving the pipeline's workflows running (--no-cancel-on-abort).");
            watching.abort(REASON);
        } else if (first) {
            progress.line("Interrupted while triggering: waiting for CircleCI's answer, then "
                    + (cancels ? "canceling the pipeline's running workflows."
                            : "leaving the pipeline's workflows running (--no-cancel-on-abort)."));
            bound = bound.plus(TRIGGER_BOUND);
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

    /** Whether an interrupt came; after the trigger, the run then waits (to abort) even with {@code --no-wait}. */
    synchronized boolean interrupted() {
        return interrupted;
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
