package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where CircleCI is and how to sign in ({@code --server}, {@code --token-file}, {@code --ca-cert}): every command. */
class ServerOptions {

    @Option(names = "--server", paramLabel = "URL", converter = ServerUrl.class,
            defaultValue = CircleCiClient.DEFAULT_BASE_URL,
            description = "Base URL of the CircleCI host (default: ${DEFAULT-VALUE}); the API is under /api/v2. "
                    + "For CircleCI server, e.g. https://circleci.example.com.")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the CircleCI personal API token from FILE instead of $CIRCLECI_TOKEN / $CIRCLE_TOKEN.")
    Path tokenFile;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "Also trust the CA certificate(s) in FILE (PEM) for the CircleCI server (and its artifact "
                    + "storage), besides the JVM's CAs: for a server whose certificate comes from an internal CA. "
                    + "Repeatable.")
    List<Path> caCertFiles;

    /** Clients for this server with the user's token (exit 2 without one); requests to its API join {@code trace}. */
    CircleCiClients clients(CliContext context, TraceContext trace) {
        return new CircleCiClients(server, TokenSource.resolve(context.env(), tokenFile), trace,
                CaCertificateFiles.read(caCertFiles));
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
