package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.tracing.TraceContext;
import picocli.CommandLine.Option;

/** {@link ServerOptions} and how to print the result: shared by {@code run} and {@code wait}. */
final class ConnectionOptions extends ServerOptions {

    @Option(names = "--json",
            description = "Print the result as one JSON object on stdout (progress stays on stderr).")
    boolean json;

    /** A session on this server with the user's token; fails with exit 2 when there is no token. */
    PipelineSession session(CliContext context) {
        return session(context, null);
    }

    /** {@link #session(CliContext)} whose requests to CircleCI's API join {@code trace} (null: none). */
    PipelineSession session(CliContext context, TraceContext trace) {
        return new PipelineSession(context, clients(context, trace), json);
    }
}
