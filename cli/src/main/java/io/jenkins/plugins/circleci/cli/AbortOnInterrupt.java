package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.trigger.WatchHandle;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns an interrupt into an orderly end of one wait: abort it, which cancels the running workflows unless
 * {@code --no-cancel-on-abort} (core completes the outcome once the first cancel calls are done, then keeps canceling
 * the workflows that start late for up to the abort sweep); let the main thread print the ABORTED outcome and wait for
 * that sweep; only then hand the exit code to whoever ends the process. Bounded, so a hung CircleCI cannot keep the
 * process alive after Ctrl-C.
 */
final class AbortOnInterrupt {
    /**
     * How long canceling the workflows and printing the outcome may take, beyond the abort sweep, before the CLI exits
     * anyway.
     */
    static final Duration BOUND = Duration.ofSeconds(30);

    private final WatchHandle handle;
    private final ProgressPrinter progress;
    private final WatchOptions options;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    AbortOnInterrupt(WatchHandle handle, ProgressPrinter progress, WatchOptions options) {
        this.handle = handle;
        this.progress = progress;
        this.options = options;
    }

    /** The longest an interrupted (or timed-out) wait may take to end: the abort sweep plus {@link #BOUND}. */
    static Duration bound(WatchOptions options) {
        return options.cancelOnAbort() ? options.abortSweep().plus(BOUND) : BOUND;
    }

    /** Runs on the interrupt's thread; returns the exit code the process must end with. */
    int onInterrupt() {
        if (!exitCode.isDone()) {
            progress.line(options.cancelOnAbort() ? "Interrupted: canceling the pipeline's running workflows."
                    : "Interrupted: leaving the pipeline's workflows running (--no-cancel-on-abort).");
            handle.abort("interrupted by a signal");
        }
        try {
            return exitCode.get(bound(options).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ABORTED;
        } catch (ExecutionException | TimeoutException e) {
            progress.line("WARNING: canceling did not finish within " + bound(options).toSeconds()
                    + "s; check the pipeline's workflows in CircleCI.");
            return ExitCodes.ABORTED;
        }
    }

    /** The main thread printed how the wait ended; the interrupt may now end the process with this code. */
    void finished(int code) {
        exitCode.complete(code);
    }
}
