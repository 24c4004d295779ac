package io.jenkins.plugins.circleci.api;

import java.util.List;

/**
 * The last lines of a step's output, cleaned for a console: no ANSI codes, token-like text masked, each line and the
 * whole capped.
 *
 * @param lines     the lines, oldest first
 * @param linesSeen how many lines the output had in all
 */
public record LogTail(List<String> lines, long linesSeen) {
    public LogTail {
        lines = List.copyOf(lines);
    }

    /** The lines joined with {@code \n}. */
    public String text() {
        return String.join("\n", lines);
    }
}
