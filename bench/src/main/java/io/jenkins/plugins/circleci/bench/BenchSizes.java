package io.jenkins.plugins.circleci.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big a run is: {@link #full()} for the published figures, {@link #smoke()} for the test that checks every
 * harness in a few seconds.
 *
 * @param pollingPipelines  pipelines per contender and length in the polling figures
 * @param lengths           pipeline lengths (simulated time)
 * @param webhookPipelines  pipelines in the webhook figure
 * @param engineWaits       concurrent wait counts measured for our engine
 * @param baselineWaits     concurrent wait counts measured for the baseline (larger ones are extrapolated)
 * @param footprintSettle   how long the waits run before threads and heap are read
 * @param scaleWaits        concurrent waits on one token in the rate-limit figure
 * @param scaleLength       the length of their pipelines
 * @param jmhRounds         rounds of the client-overhead benchmark, each measuring every call once
 * @param jmhFork           whether each measurement has a JVM of its own (false only for the smoke test)
 * @param jmhWarmups        JMH warm-up iterations (a loaded machine compiles slowly: our client's longer path
 *                          needs them to be measured compiled, as a long-running controller runs it)
 * @param jmhIterations     JMH measurement iterations
 * @param jmhIterationMillis length of one JMH iteration
 * @param tradeOffDraws     draws of the pipelines (each with a seed of its own) in the without-history trade-off, at
 *                          {@code scaleLength}, with {@code pollingPipelines} pipelines each
 */
public record BenchSizes(int pollingPipelines, List<Duration> lengths, int webhookPipelines, List<Integer> engineWaits,
                         List<Integer> baselineWaits, Duration footprintSettle, int scaleWaits, Duration scaleLength,
                         int jmhRounds, boolean jmhFork, int jmhWarmups, int jmhIterations,
                         long jmhIterationMillis, int tradeOffDraws) {

    public BenchSizes {
        lengths = List.copyOf(lengths);
        engineWaits = List.copyOf(engineWaits);
        baselineWaits = List.copyOf(baselineWaits);
    }

    public static BenchSizes full() {
        return new BenchSizes(180, List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1)), 40,
                List.of(100, 1_000, 10_000), List.of(100, 1_000), Duration.ofSeconds(3), 10_000,
                Duration.ofMinutes(10), 6, true, 6, 4, 1_000, 5);
    }

    public static BenchSizes smoke() {
        return new BenchSizes(3, List.of(Duration.ofMinutes(1)), 2, List.of(10), List.of(10),
                Duration.ofMillis(300), 40, Duration.ofMinutes(1), 1, false, 1, 1, 100, 2);
    }
}
