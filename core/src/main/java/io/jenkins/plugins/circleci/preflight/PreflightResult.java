package io.jenkins.plugins.circleci.preflight;

import java.util.Optional;

/**
 * How the pre-flight check of the parameters went, when it did not refuse them: checked, not checked (and why), or
 * not needed (no parameters, or the check turned off). {@link #line()} is what a shell prints, if anything.
 */
public record PreflightResult(Status status, String text) {

    public enum Status {
        /** Nothing to check: no parameters were given (or the check is off). Nothing is printed. */
        NOT_NEEDED,
        /** Compared with the declared parameters; they match. */
        CHECKED,
        /** The config could not be read; the trigger goes ahead unchecked. */
        NOT_CHECKED
    }

    static PreflightResult notNeeded() {
        return new PreflightResult(Status.NOT_NEEDED, null);
    }

    static PreflightResult checked(String text) {
        return new PreflightResult(Status.CHECKED, text);
    }

    static PreflightResult notChecked(String why) {
        return new PreflightResult(Status.NOT_CHECKED, "Note: the pipeline parameters were not checked against the "
                + "project's config (" + why + "); triggering anyway.");
    }

    /** The line to print, if any. */
    public Optional<String> line() {
        return Optional.ofNullable(text);
    }
}
