package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.Blank;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Normalises list and map arguments the way the steps store them. */
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

    /** A copy in the script's order, null when empty (so the Snippet Generator omits the argument). */
    static Map<String, Object> entriesOrNull(Map<String, Object> entries) {
        if (entries == null || entries.isEmpty()) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        // Groovy hands interpolated strings over as GStrings: keep their text, not the template.
        entries.forEach((k, v) -> copy.put(k, v instanceof CharSequence text ? text.toString() : v));
        return copy;
    }
}
