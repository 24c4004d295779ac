package io.jenkins.plugins.circleci.trigger;

import java.util.Locale;

/**
 * How far a wait follows the pipeline before it returns: until CircleCI created it (its state is {@code created}),
 * until its workflows exist (with their ids and links), or to the end ({@link #COMPLETED}, the default). Returning
 * early judges nothing: such an outcome has no result, like a trigger without wait. A pipeline that ends (errors,
 * runs no workflow, finishes) before that point returns its real outcome.
 */
public enum WaitFor {
    CREATED,
    WORKFLOWS,
    COMPLETED;

    /** Parses {@code created}, {@code workflows} or {@code completed} (case-insensitive). */
    public static WaitFor parse(String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (WaitFor w : values()) {
            if (w.name().equals(normalized)) {
                return w;
            }
        }
        throw new IllegalArgumentException("waitFor '" + text + "' is not one of created, workflows, completed: "
                + "return once the pipeline is created, once its workflows exist, or when they are done (default).");
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
