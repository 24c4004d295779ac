package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.Blank;
import java.util.ArrayList;
import java.util.List;

/** Normalises list arguments the way the steps store them. */
final class StepLists {
    private StepLists() {}

    /** The non-blank names, trimmed; null when none remain (so the Snippet Generator omits the argument). */
    static List<String> namesOrNull(List<String> names) {
        if (names == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String n : names) {
            String t = Blank.toNull(n);
            if (t != null) {
                kept.add(t);
            }
        }
        return kept.isEmpty() ? null : kept;
    }
}
