package io.jenkins.plugins.circleci.soak;

import java.time.Duration;

/** Short renderings for histories and the report. */
final class Texts {
    private Texts() {}

    /** 1h02m03s, 4m05s, 7.250s. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format("%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60);
        }
        if (s >= 60) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%d.%03ds", s, d.toMillisPart());
    }
}
