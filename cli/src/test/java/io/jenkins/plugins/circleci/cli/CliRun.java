package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true, env, Clock.systemUTC(), interrupts,
                tuning);
        int code = CircleCiTriggerCli.execute(context, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
