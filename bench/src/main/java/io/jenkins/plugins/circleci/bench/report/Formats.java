package io.jenkins.plugins.circleci.bench.report;

import java.time.Duration;
import java.util.Locale;

/** How the report writes numbers. */
final class Formats {

    private Formats() {}

    /** 180 ms, 4.25 s, 1 min, 10 min, 1 h. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (Math.abs(ms) < 1_000) {
            return ms + " ms";
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    static String length(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }

    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "n/a";
        }
        // Small ratios (threads: 12 against 10,000) keep two significant digits instead of showing 0.00.
        return String.format(Locale.ROOT, r < 0.1 ? "%.2g×" : "%.2f×", r);
    }

    /** 0.25, 1.05, 1 (no trailing zeros): how targets write their factors. */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** 10:05 or 1:00:05, for instants of a simulated run. */
    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String decimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String micros(double v) {
        return String.format(Locale.ROOT, "%.1f µs", v);
    }

    static String bytes(long b) {
        if (b < 10 * 1024) {
            return b + " B";
        }
        return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    static double divide(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
