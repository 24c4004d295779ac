package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code circleci-trigger} command: {@code run}, {@code wait}, {@code artifact} and {@code demo}. Bad input, whether picocli or core
 * finds it, ends with exit 2 and a message that says what to change; see {@link ExitCodes}.
 */
@Command(name = "circleci-trigger", mixinStandardHelpOptions = true, versionProvider = CircleCiTriggerCli.Version.class,
        description = "Trigger CircleCI pipelines and wait for their workflows.%n"
                + "The token comes from $CIRCLECI_TOKEN (or $CIRCLE_TOKEN) or --token-file.",
        footer = "%nExit codes: 0 success (or triggered with --no-wait), 1 failure, 2 bad input or configuration, "
                + "3 timed out, 4 aborted, 5 not built, 6 unstable.")
public final class CircleCiTriggerCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private CircleCiTriggerCli() {}

    /** Runs the command line and returns the exit code; never calls {@code System.exit}. */
    public static int execute(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(new CircleCiTriggerCli())
                .addSubcommand(new RunCommand(context))
                .addSubcommand(new WaitCommand(context))
                .addSubcommand(new ArtifactCommand(context))
                .addSubcommand(new DemoCommand(context))
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true))
                .setParameterExceptionHandler((e, given) -> badUsage(CommandLineMask.of(context.env(), given), e))
                .setExecutionExceptionHandler((e, cmd, parsed) -> failed(context, e));
        TokenOption.refuseIn(commandLine);
        return commandLine.execute(args);
    }

    /** Without a subcommand: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Prints the mistake, masked: picocli repeats arguments it could not place, and one may be a token. */
    private static int badUsage(CommandLineMask mask, ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        // picocli starts some messages with "Error: " itself.
        out.println("ERROR: " + e.getMessage().replaceFirst("^Error: ", ""));
        UnmatchedArgumentException.printSuggestions(e, out);
        out.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        out.flush();
        PrintWriter err = cmd.getErr();
        err.print(mask.mask(text.toString()));
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failed(CliContext context, Exception e) throws Exception {
        if (!(e instanceof CircleCiException error)) {
            throw e;
        }
        new ProgressPrinter(context.err(), context.unicode()).error(error);
        return ExitCodes.of(error, false);
    }

    /** The version Maven wrote into core's resources. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = CircleCiException.class.getResourceAsStream(
                    "/io/jenkins/plugins/circleci/api/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"circleci-trigger " + p.getProperty("version", "(unknown version)")};
        }
    }
}
