package io.jenkins.plugins.circleci;

/** Form fields and Pipeline arguments arrive as blank strings when unset; the plugin stores null for them. */
public final class Blank {
    private Blank() {}

    /** The trimmed text, or null when it is null or blank. */
    public static String toNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
