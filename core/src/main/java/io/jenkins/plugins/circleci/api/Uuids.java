package io.jenkins.plugins.circleci.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one UUID form CircleCI ids take: 8-4-4-4-12 hexadecimal digits. Stricter than {@link java.util.UUID#fromString},
 * which also takes forms such as {@code 1-1-1-1-1} that CircleCI never issues.
 */
final class Uuids {
    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Uuids() {}

    /** The id in lower case, trimmed, if it has the canonical form. */
    static Optional<String> canonical(String text) {
        String id = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return CANONICAL.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
