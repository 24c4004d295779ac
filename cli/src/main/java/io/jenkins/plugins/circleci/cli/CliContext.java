package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything the CLI takes from the world, so that tests can run it in-process: its output streams, the environment
 * (where the token comes from), the clock, how it hears interrupts, and a last word on the wait's tuning (tests and
 * the demo poll faster than a real wait should).
 *
 * @param out        results: the JSON object or the one-line summary
 * @param err        progress lines and errors
 * @param unicode    whether {@code err} can show non-ASCII text such as '→'
 * @param env        environment variables
 * @param clock      the clock for deadlines
 * @param interrupts where SIGINT/SIGTERM are heard
 * @param watchTuning applied to the wait's options after the command line's
 */
public record CliContext(PrintStream out, PrintStream err, boolean unicode, Map<String, String> env, Clock clock,
        Interrupts interrupts, UnaryOperator<WatchOptions.Builder> watchTuning) {

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(interrupts, "interrupts");
        Objects.requireNonNull(watchTuning, "watchTuning");
    }

    /** The real process: its streams in the terminal's encoding, its environment, signals, the system clock. */
    public static CliContext system() {
        Charset charset = terminalCharset();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
        return new CliContext(out, err, charset.newEncoder().canEncode('→'), System.getenv(), Clock.systemUTC(),
                new ShutdownHookInterrupts(out, err), UnaryOperator.identity());
    }

    private static Charset terminalCharset() {
        // Java 17 sets sun.stderr.encoding when stderr is a terminal; otherwise the platform default applies.
        String name = System.getProperty("sun.stderr.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }
}
