package io.jenkins.plugins.circleci.bench.jmh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time per request (µs) from JMH's sampled call times, measured in rounds that alternate the order of the calls.
 *
 * @param client         our client's {@code getPipeline}
 * @param bare           the same GET with bare OkHttp, body read as a string
 * @param bareAndJackson bare OkHttp plus Jackson's tree parse, for reference
 * @param roundRatios    per round, our client's median over bare OkHttp + Jackson tree's (the target's yardstick)
 * @param pathClient     our client's mean time per call without the network ({@link ClientPathBenchmark}), µs
 * @param pathBare       bare OkHttp + Jackson tree's, the same way, µs
 * @param paired         both calls timed in pairs in one JVM ({@link PairedOverhead}); null when not measured
 */
public record OverheadFigures(Score client, Score bare, Score bareAndJackson, List<Double> roundRatios,
                              double pathClient, double pathBare, PairedOverhead.Figures paired) {

    public OverheadFigures {
        roundRatios = List.copyOf(roundRatios);
    }

    /**
     * One call's figures over the rounds.
     *
     * @param median the median of the rounds' median call times
     * @param mean   the mean of the rounds' mean call times (pulled up by a busy machine's outliers)
     */
    public record Score(double median, double mean) {}

    /** The median of the rounds' ratios: what is held against the target. */
    public double ratio() {
        return median(roundRatios);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
