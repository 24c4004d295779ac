package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.WatchHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns an interrupt into an orderly end of one wait: abort it (which cancels the running workflows unless
 * {@code --no-cancel-on-abort}), let the cancel calls finish, let the main thread print the ABORTED outcome, and only
 * then hand the exit code to whoever halts the process. Every step is bounded, so a hung CircleCI cannot keep the
 * process alive after Ctrl-C.
 */
final class AbortOnInterrupt {
    /** How long the cancel calls may take before the CLI gives up on them and exits anyway. */
    static final Duration CANCEL_BOUND = Duration.ofSeconds(30);
    /** How long printing the outcome may take after the cancel calls. */
    private static final Duration REPORT_BOUND = Duration.ofSeconds(5);

    private final WatchHandle handle;
    private final ProgressPrinter progress;
    private final boolean cancels;
    private volatile boolean interrupted;
    private final CompletableFuture<CompletableFuture<Outcome>> abortStarted = new CompletableFuture<>();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    AbortOnInterrupt(WatchHandle handle, ProgressPrinter progress, boolean cancels) {
        this.handle = handle;
        this.progress = progress;
        this.cancels = cancels;
    }

    /** Runs on the interrupt's thread; returns the exit code the process must end with. */
    int onInterrupt() {
        // Set before aborting: once the outcome completes, the main thread must know to wait for the cancels.
        interrupted = true;
        progress.line(cancels ? "Interrupted: canceling the pipeline's running workflows."
                : "Interrupted: leaving the pipeline's workflows running (--no-cancel-on-abort).");
        try {
            abortStarted.complete(handle.abort("interrupted by a signal"));
        } catch (RuntimeException e) {
            abortStarted.completeExceptionally(e);
        }
        try {
            return exitCode.get(CANCEL_BOUND.plus(REPORT_BOUND).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ABORTED;
        } catch (ExecutionException | TimeoutException e) {
            return ExitCodes.ABORTED;
        }
    }

    /** Called by the main thread once the outcome is known: if it came from an interrupt, waits for the cancels. */
    void awaitAbort() {
        if (!interrupted) {
            return;
        }
        try {
            abortStarted.get(CANCEL_BOUND.toMillis(), TimeUnit.MILLISECONDS)
                    .get(CANCEL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            progress.line("WARNING: canceling did not finish within " + CANCEL_BOUND.toSeconds()
                    + "s; check the pipeline's workflows in CircleCI.");
        } catch (ExecutionException e) {
            progress.line("WARNING: canceling failed (" + e.getCause().getMessage()
                    + "); check the pipeline's workflows in CircleCI.");
        }
    }

    /** The main thread printed the outcome; the interrupt may now end the process with this code. */
    void finished(int code) {
        exitCode.complete(code);
    }
}
