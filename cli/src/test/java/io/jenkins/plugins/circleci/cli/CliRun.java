package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs the CLI in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, String... args) {
        return of(env, Interrupts.NONE, UnaryOperator.identity(), args);
    }

    static CliRun of(Map<String, String> env, Interrupts interrupts, UnaryOperator<WatchOptions.Builder> tuning,
            String... args) {
        return of(new ByteArrayOutputStream(), env, interrupts, tuning, args);
    }

    /** {@link #of(Map, Interrupts, UnaryOperator, String...)} with stdout going to {@code stdout}. */
    static CliRun of(OutputStream stdout, Map<String, String> env, Interrupts interrupts,
            UnaryOperator<WatchOptions.Builder> tuning, String... args) {
        ByteArrayOutputStream out = stdout instanceof ByteArrayOutputStream b ? b : new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true, env, Clock.systemUTC(), interrupts,
                tuning);
        int code = CircleCiTriggerCli.execute(context, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A stdout whose reader went away: every write fails, as on a closed pipe or a full disk. */
    static OutputStream brokenStdout() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
    }
}
