package io.jenkins.plugins.circleci.bench.jmh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time per request (µs) from JMH's sampled call times, measured in rounds that alternate the order of the calls, and
 * the same comparison timed in pairs in a few JVMs, which is what the target is held against.
 *
 * @param client         our client's {@code getPipeline}
 * @param bare           the same GET with bare OkHttp, body read as a string
 * @param bareAndJackson bare OkHttp plus Jackson's tree parse, for reference
 * @param roundRatios    per round, our client's median over bare OkHttp + Jackson tree's
 * @param sameCallRatios per round, bare OkHttp + Jackson tree measured again in a fork of its own over the first
 *                       measurement: 1 but for the differences between forks
 * @param pathClient     our client's mean time per call without the network ({@link ClientPathBenchmark}), µs
 * @param pathBare       bare OkHttp + Jackson tree's, the same way, µs
 * @param pathClientBytes bytes our client allocates per call without the network (NaN if not measured)
 * @param pathBareBytes  bytes bare OkHttp + Jackson tree allocates per call, the same way
 * @param paired         the calls timed in pairs, one entry per JVM ({@link PairedOverhead}); empty when not measured
 */
public record OverheadFigures(Score client, Score bare, Score bareAndJackson, List<Double> roundRatios,
                              List<Double> sameCallRatios, double pathClient, double pathBare,
                              double pathClientBytes, double pathBareBytes, List<PairedOverhead.Figures> paired) {

    public OverheadFigures {
        roundRatios = List.copyOf(roundRatios);
        sameCallRatios = List.copyOf(sameCallRatios);
        paired = List.copyOf(paired);
    }

    /**
     * One call's figures over the rounds.
     *
     * @param median the median of the rounds' median call times
     * @param mean   the mean of the rounds' mean call times (pulled up by a busy machine's outliers)
     */
    public record Score(double median, double mean) {}

    /**
     * What is held against the target: the median over the JVMs of the paired ratios, or, when the pairs were not
     * measured, the median of the JMH rounds' ratios.
     */
    public double ratio() {
        return paired.isEmpty() ? jmhRatio() : median(pairedRatios());
    }

    /** The median of the JMH rounds' ratios (separate forks). */
    public double jmhRatio() {
        return median(roundRatios);
    }

    /** Per JVM, our client's median over bare OkHttp + Jackson tree's, timed in pairs. */
    public List<Double> pairedRatios() {
        return paired.stream().map(PairedOverhead.Figures::ratio).toList();
    }

    /** Per JVM, the bare call through an OkHttp client set up as ours over the bare call. */
    public List<Double> settingsRatios() {
        return paired.stream().map(PairedOverhead.Figures::settingsRatio).toList();
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The median of per-JVM medians of {@code value}. */
    public double pairedMedian(java.util.function.ToDoubleFunction<PairedOverhead.Figures> value) {
        return median(paired.stream().map(value::applyAsDouble).toList());
    }
}
