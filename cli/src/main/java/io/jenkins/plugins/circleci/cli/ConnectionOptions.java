package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where CircleCI is, how to sign in, and how to print the result: shared by {@code run} and {@code wait}. */
final class ConnectionOptions {

    @Option(names = "--server", paramLabel = "URL", converter = ServerUrl.class,
            defaultValue = CircleCiClient.DEFAULT_BASE_URL,
            description = "Base URL of the CircleCI host (default: ${DEFAULT-VALUE}); the API is under /api/v2. "
                    + "For CircleCI server, e.g. https://circleci.example.com.")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the CircleCI personal API token from FILE instead of $CIRCLECI_TOKEN / $CIRCLE_TOKEN.")
    Path tokenFile;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "Also trust the CA certificate(s) in FILE (PEM) for the CircleCI server, besides the "
                    + "JVM's CAs: for a server whose certificate comes from an internal CA. Repeatable.")
    List<Path> caCertFiles;

    @Option(names = "--json",
            description = "Print the result as one JSON object on stdout (progress stays on stderr).")
    boolean json;

    /** A session on this server with the user's token; fails with exit 2 when there is no token. */
    PipelineSession session(CliContext context) {
        return session(context, null);
    }

    /** {@link #session(CliContext)} whose requests to CircleCI's API join {@code trace} (null: none). */
    PipelineSession session(CliContext context, TraceContext trace) {
        return new PipelineSession(context, new CircleCiClients(server, TokenSource.resolve(context.env(),
                tokenFile), trace, CaCertificateFiles.read(caCertFiles)), json);
    }

    /** Accepts an absolute http(s) URL with a host. */
    static final class ServerUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = URI.create(value.trim());
            } catch (IllegalArgumentException e) {
                throw invalid(value);
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null) {
                throw invalid(value);
            }
            return uri;
        }

        private static TypeConversionException invalid(String value) {
            return new TypeConversionException("'" + value + "' is not a CircleCI base URL; give it like "
                    + CircleCiClient.DEFAULT_BASE_URL + " or https://circleci.example.com (CircleCI server).");
        }
    }
}
