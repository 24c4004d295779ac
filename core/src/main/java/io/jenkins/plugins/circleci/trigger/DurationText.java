package io.jenkins.plugins.circleci.trigger;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 7d}; at most 30 days. */
public final class DurationText {
    /**
     * The longest duration accepted. A wait is bounded by CircleCI's own limits (a job runs at most a few hours, an
     * approval is not kept for ever), so anything longer is a typo; and a bound keeps deadlines far from the
     * {@link java.time.Instant} range.
     */
    public static final Duration MAX = Duration.ofDays(30);

    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
    private static final String FORMS = "write it like 90s, 30m, 2h, 1h30m or 7d";

    private DurationText() {}

    /** @throws IllegalArgumentException with a message that says what was wrong, for anything else */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative; a duration must be positive; " + FORMS
                    + ".");
        }
        Matcher m = PART.matcher(t);
        // BigInteger, so that no number of digits can overflow before the bound is checked.
        BigInteger seconds = BigInteger.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            seconds = seconds.add(new BigInteger(m.group(1)).multiply(BigInteger.valueOf(unitSeconds(m.group(2)))));
            end = m.end();
        }
        if (t.isEmpty() || end != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + FORMS + ".");
        }
        if (seconds.signum() == 0) {
            throw new IllegalArgumentException("'" + text + "' is zero; a duration must be positive.");
        }
        if (seconds.compareTo(BigInteger.valueOf(MAX.toSeconds())) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long; a duration may be at most 30d (720h).");
        }
        return Duration.ofSeconds(seconds.longValueExact());
    }

    private static long unitSeconds(String unit) {
        return switch (unit) {
            case "d" -> Duration.ofDays(1).toSeconds();
            case "h" -> Duration.ofHours(1).toSeconds();
            case "m" -> Duration.ofMinutes(1).toSeconds();
            default -> 1;
        };
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
