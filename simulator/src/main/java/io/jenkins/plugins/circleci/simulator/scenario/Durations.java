package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations scenario files use: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, ISO-8601, or plain seconds. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        }
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        }
        Matcher m = SHORT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 2m, 1h or PT30S)");
        }
        double value = Double.parseDouble(m.group(1));
        long millis = switch (m.group(2)) {
            case "ms" -> Math.round(value);
            case "s" -> Math.round(value * 1_000);
            case "m" -> Math.round(value * 60_000);
            default -> Math.round(value * 3_600_000);
        };
        return Duration.ofMillis(millis);
    }
}
