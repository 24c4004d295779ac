package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.trigger.ProgressEvent;
import io.jenkins.plugins.circleci.trigger.ProgressListener;
import java.io.PrintStream;

/**
 * Prints one line per progress event to stderr, its link appended:
 * {@code CircleCI pipeline #42 (gh/acme/api) created: <url>}, {@code workflow build: running → success (2m13s) <url>}.
 * Stdout stays free for the result, so {@code --json} output can be piped.
 */
final class ProgressPrinter implements ProgressListener {
    private final PrintStream err;
    private final boolean unicode;
    private volatile boolean printedPipelineErrors;

    ProgressPrinter(PrintStream err, boolean unicode) {
        this.err = err;
        this.unicode = unicode;
    }

    @Override
    public void onEvent(ProgressEvent event) {
        String line = event.message();
        if (event.url().isPresent()) {
            String separator = event instanceof ProgressEvent.PipelineCreated ? ": " : " ";
            line = line + separator + event.url().get();
        }
        if (event instanceof ProgressEvent.PipelineErrored) {
            printedPipelineErrors = true;
        }
        line(line);
    }

    /** Prints a line of the CLI's own to stderr, in the terminal's encoding. */
    void line(String text) {
        err.println(unicode ? text : text.replace("→", "->").replace("…", "..."));
    }

    /** Prints what went wrong and, on the next line, what to do about it. */
    void error(CircleCiException error) {
        line("ERROR: " + error.getMessage());
        if (!error.hint().isEmpty()) {
            line(error.hint());
        }
    }

    /** Whether the pipeline's errors[] were already shown as they arrived. */
    boolean printedPipelineErrors() {
        return printedPipelineErrors;
    }
}
