package io.jenkins.plugins.circleci.trigger;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}. */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

    private DurationText() {}

    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative; a duration must be positive, e.g. 90s, "
                    + "30m or 2h.");
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (t.isEmpty() || end != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 90s, 30m, 2h or 1h30m.");
        }
        if (total.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is zero; a duration must be positive.");
        }
        return total;
    }

    /** 2m13s, 1h02m, 45s: for progress lines. */
    public static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
