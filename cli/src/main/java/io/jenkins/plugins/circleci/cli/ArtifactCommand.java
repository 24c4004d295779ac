package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.http.ArtifactDownload;
import io.jenkins.plugins.circleci.api.model.ArtifactContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code circleci-trigger artifact}: downloads one artifact by the {@code url} CircleCI lists for it, with the token
 * sent to CircleCI only and CircleCI's redirect to pre-signed storage followed without it, and writes its bytes as
 * they are to stdout or a file.
 */
@Command(name = "artifact", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Download an artifact by its url (as 'run --artifacts --json' lists it) to stdout or a file.")
final class ArtifactCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The artifact's url exactly as CircleCI lists it (on the --server host, or "
                    + "https://*.circle-artifacts.com on CircleCI cloud).")
    String url;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + ArtifactDownload.DEFAULT_MAX_BYTES,
            description = "Fail, writing nothing, when the artifact is larger than N bytes (default: "
                    + "${DEFAULT-VALUE}, at most " + ArtifactDownload.MAX_MAX_BYTES + ").")
    long maxBytes;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the content to FILE (replaced if it exists) instead of stdout.")
    Path out;

    @Option(names = "--text",
            description = "Fail (exit 1) unless the content is UTF-8 text.")
    boolean text;

    @Mixin
    ServerOptions connection = new ServerOptions();

    ArtifactCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CircleCiClient client = connection.clients(context, null).forTrigger();
        ArtifactContent content = client.readArtifact(url, maxBytes);
        if (text) {
            content.text();
        }
        byte[] bytes = content.bytes();
        if (out == null) {
            context.out().write(bytes, 0, bytes.length);
            context.out().flush();
            // A PrintStream keeps its IOException to itself: without this a closed pipe or a full disk would be exit 0.
            if (context.out().checkError()) {
                throw new CircleCiException("Could not write the artifact to stdout: " + content.name() + " ("
                        + content.size() + " bytes).", "Check where stdout goes (a closed pipe, a full disk), or "
                        + "write the artifact to a file with --out FILE.", null);
            }
        } else {
            try {
                Files.write(out, bytes);
            } catch (IOException e) {
                throw new InvalidRequestException("Cannot write " + out + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()) + ".",
                        "Check that its folder exists and is writable.");
            }
        }
        context.err().println("CircleCI artifact " + content.name() + ": " + content.size() + " bytes"
                + (out == null ? "" : " written to " + out));
        return ExitCodes.SUCCESS;
    }
}
