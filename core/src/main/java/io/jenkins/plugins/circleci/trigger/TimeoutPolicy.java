package io.jenkins.plugins.circleci.trigger;

import java.util.Locale;

/** What the result becomes when the overall timeout passes: a failure (the default), unstable, or aborted. */
public enum TimeoutPolicy {
    FAIL(BuildResult.FAILURE),
    UNSTABLE(BuildResult.UNSTABLE),
    ABORT(BuildResult.ABORTED);

    private final BuildResult result;

    TimeoutPolicy(BuildResult result) {
        this.result = result;
    }

    public BuildResult result() {
        return result;
    }

    /** Parses {@code fail}, {@code unstable} or {@code abort} (case-insensitive). */
    public static TimeoutPolicy parse(String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (TimeoutPolicy p : values()) {
            if (p.name().equals(normalized)) {
                return p;
            }
        }
        throw new IllegalArgumentException("onTimeout '" + text + "' is not one of fail, unstable, abort: what the "
                + "result becomes when the timeout passes.");
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
