package io.jenkins.plugins.circleci.trigger;

import java.util.Locale;

/**
 * The result a wait carries back, in Jenkins' order: SUCCESS &lt; UNSTABLE &lt; FAILURE &lt; NOT_BUILT &lt; ABORTED.
 * When several workflows count, the worst wins.
 */
public enum BuildResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    NOT_BUILT,
    ABORTED;

    public boolean isWorseThan(BuildResult other) {
        return ordinal() > other.ordinal();
    }

    public static BuildResult worst(BuildResult a, BuildResult b) {
        return a.isWorseThan(b) ? a : b;
    }

    /** Parses SUCCESS, unstable, Not_Built, ... (case-insensitive, '-' or '_'). */
    public static BuildResult parse(String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (BuildResult r : values()) {
            if (r.name().equals(normalized)) {
                return r;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a result; use one of SUCCESS, UNSTABLE, FAILURE, "
                + "NOT_BUILT or ABORTED.");
    }
}
