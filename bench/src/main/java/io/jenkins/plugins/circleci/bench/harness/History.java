package io.jenkins.plugins.circleci.bench.harness;

/**
 * What CircleCI Insights knows about a bench project's past runs, relative to how long its pipelines now take.
 */
public enum History {
    /** No past run: Insights answers with empty metrics. */
    ABSENT(0, "no history"),
    /** Past runs from the same distribution as today's. */
    ACCURATE(1.0, "history accurate"),
    /** Past runs took 30 % longer than today's: the expected end comes after the real one. */
    LONG(1.3, "history 30% long"),
    /** Past runs took 30 % less than today's: the run outlives its expected p95. */
    SHORT(0.7, "history 30% short");

    private final double scale;
    private final String label;

    History(double scale, String label) {
        this.scale = scale;
        this.label = label;
    }

    /** Past durations relative to today's. */
    public double scale() {
        return scale;
    }

    public String label() {
        return label;
    }
}
