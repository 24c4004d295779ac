package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.PipelineId;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.util.concurrent.Callable;
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

    @Option(names = "--pipeline-id", required = true, paramLabel = "UUID", converter = PipelineIdOption.class,
            description = "The pipeline's id (a UUID, as 'run --no-wait' or 'run --json' prints it).")
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
        return connection.session(context).reporting(waiting.failureLimits()).listingArtifacts(waiting.artifacts)
                .waitFor(pipelineId,
                waiting.toWatchOptions(context.watchTuning()));
    }

    /** Pipeline ids are UUIDs, checked as the plugin checks them; the pipeline number is not one. */
    static final class PipelineIdOption implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return PipelineId.parse(value);
            } catch (InvalidRequestException e) {
                throw new TypeConversionException(e.getMessage() + " " + e.hint());
            }
        }
    }
}
