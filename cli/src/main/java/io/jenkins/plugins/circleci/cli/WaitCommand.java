package io.jenkins.plugins.circleci.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code circleci-trigger wait}: wait for a pipeline that already exists. */
@Command(name = "wait", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Wait until the workflows of an existing CircleCI pipeline finish.")
final class WaitCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--pipeline-id", required = true, paramLabel = "UUID", converter = PipelineId.class,
            description = "The pipeline's id (a UUID, as 'run --no-wait' prints it).")
    String pipelineId;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    WaitingOptions waiting = new WaitingOptions();

    WaitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return connection.session(context).waitFor(pipelineId, waiting.toWatchOptions(context.watchTuning()));
    }

    /** Pipeline ids are UUIDs; the pipeline number shown in the web app is not one. */
    static final class PipelineId implements ITypeConverter<String> {
        private static final Pattern UUID = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        @Override
        public String convert(String value) {
            String id = value.trim().toLowerCase(Locale.ROOT);
            if (UUID.matcher(id).matches()) {
                return id;
            }
            throw new TypeConversionException("'" + value + "' is not a pipeline id; give the UUID that "
                    + "'circleci-trigger run --no-wait' prints (not the pipeline number).");
        }
    }
}
