package io.jenkins.plugins.circleci.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One polling schedule of our engine, without history, on several draws of the same pipelines, each draw measured
 * side by side with the baseline on the very same pipelines.
 *
 * @param schedule  how the report names the schedule
 * @param min       the engine's minimum poll interval
 * @param max       its maximum poll interval
 * @param draws     one pair per draw, in the order of the draws' seeds
 */
public record TradeOffFigures(String schedule, Duration min, Duration max, List<Draw> draws) {

    public TradeOffFigures {
        Objects.requireNonNull(schedule, "schedule");
        draws = List.copyOf(draws);
    }

    /**
     * One draw: the schedule's figures and the baseline's, on the pipelines the draw's seed made.
     *
     * @param seed      the seed of the pipelines' lengths, the simulator's ids and our engine's jitter
     * @param ours      our engine with this schedule
     * @param baseline  the baseline on the same pipelines
     */
    public record Draw(long seed, PollingFigures ours, PollingFigures baseline) {

        /** Our requests per pipeline over the baseline's. */
        public double requestRatio() {
            return ours.requestsPerPipeline() / baseline.requestsPerPipeline();
        }

        /** Our median detection latency over the baseline's. */
        public double latencyRatio() {
            return (double) ours.latencies().p50().toMillis() / baseline.latencies().p50().toMillis();
        }

        /** Both ratios multiplied: a blind schedule cannot bring this below about a half (one request a poll). */
        public double product() {
            return requestRatio() * latencyRatio();
        }

        /** Whether this draw is inside a requests and latency target, both as ratios to the baseline. */
        public boolean within(double requestTarget, double latencyTarget) {
            return requestRatio() <= requestTarget && latencyRatio() <= latencyTarget;
        }
    }

    /** The median of the draws' values, the mean of the middle two for an even number. */
    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public List<Double> requestRatios() {
        return draws.stream().map(Draw::requestRatio).toList();
    }

    public List<Double> latencyRatios() {
        return draws.stream().map(Draw::latencyRatio).toList();
    }

    public List<Double> products() {
        return draws.stream().map(Draw::product).toList();
    }

    /** How many draws are inside both targets. */
    public long drawsWithin(double requestTarget, double latencyTarget) {
        return draws.stream().filter(d -> d.within(requestTarget, latencyTarget)).count();
    }
}
