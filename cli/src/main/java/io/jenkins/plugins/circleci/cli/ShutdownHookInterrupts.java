package io.jenkins.plugins.circleci.cli;

import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * Hears SIGINT and SIGTERM through a JVM shutdown hook, which works on every platform without internal APIs. The
 * JVM runs the hook on those signals; the hook finishes the abort and then halts the JVM with the exit code it got,
 * because a JVM that is shutting down on a signal would otherwise exit with the signal's status (130, 143).
 * Closing the registration removes the hook, so a normal exit does not run it.
 */
final class ShutdownHookInterrupts implements Interrupts {
    private final PrintStream out;
    private final PrintStream err;

    ShutdownHookInterrupts(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Registration register(IntSupplier onInterrupt) {
        Thread hook = new Thread(() -> {
            int code = onInterrupt.getAsInt();
            out.flush();
            err.flush();
            Runtime.getRuntime().halt(code);
        }, "circleci-trigger-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running: it owns the exit from here.
            }
        };
    }
}
