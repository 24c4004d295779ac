package io.jenkins.plugins.circleci.cli;

import java.util.function.IntSupplier;

/**
 * Where the CLI hears that the user wants it to stop (SIGINT from Ctrl-C, SIGTERM from a CI system's cancel button).
 * Injectable so that tests can interrupt a wait without a signal.
 */
public interface Interrupts {

    /** Never interrupts. */
    Interrupts NONE = onInterrupt -> () -> {};

    /**
     * Calls {@code onInterrupt} when the user interrupts, until the registration is closed. {@code onInterrupt}
     * finishes what must be finished (cancel the workflows, print the outcome) and returns the exit code.
     */
    Registration register(IntSupplier onInterrupt);

    /** Stops listening. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
