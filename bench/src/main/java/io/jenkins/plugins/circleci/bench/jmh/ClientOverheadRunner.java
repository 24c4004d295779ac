package io.jenkins.plugins.circleci.bench.jmh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ClientOverheadBenchmark} in short rounds whose order alternates (bare first, then ours first), so that
 * a shared machine's load drifting during the run does not favour whichever call JMH happens to run last; then
 * {@link ClientPathBenchmark} (no network, time and bytes allocated per call) and {@link PairedOverhead} in forks.
 */
public final class ClientOverheadRunner {

    private static final List<String> CALLS = List.of("bareOkHttp", "bareOkHttpAndJackson", "client",
            "bareOkHttpAndJacksonAgain");
    private static final String ALLOCATED = "gc.alloc.rate.norm";

    private ClientOverheadRunner() {}

    /**
     * @param rounds          how many times each call is measured, in alternating order; also how many JVMs the
     *                        paired measurement runs in
     * @param fork            whether each measurement runs in a JVM of its own (false only for the smoke test)
     * @param warmups         warm-up iterations
     * @param iterations      measurement iterations
     * @param iterationMillis length of one iteration
     */
    public static OverheadFigures run(int rounds, boolean fork, int warmups, int iterations, long iterationMillis)
            throws RunnerException {
        Map<String, List<double[]>> byCall = new LinkedHashMap<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> sameCall = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(CALLS);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            Map<String, double[]> thisRound = new LinkedHashMap<>();
            for (String call : order) {
                double[] medianAndMean = measure(call, fork, warmups, iterations, iterationMillis);
                thisRound.put(call, medianAndMean);
                byCall.computeIfAbsent(call, k -> new ArrayList<>()).add(medianAndMean);
            }
            ratios.add(thisRound.get("client")[0] / thisRound.get("bareOkHttpAndJackson")[0]);
            sameCall.add(thisRound.get("bareOkHttpAndJacksonAgain")[0] / thisRound.get("bareOkHttpAndJackson")[0]);
        }
        double[] pathClient = average(ClientPathBenchmark.class, "client", fork, warmups, iterations,
                iterationMillis);
        double[] pathBare = average(ClientPathBenchmark.class, "bareOkHttpAndJackson", fork, warmups, iterations,
                iterationMillis);
        // A warm-up of some thousands of calls of each kind, then as many rounds as fit in the JMH iterations.
        Duration warmup = Duration.ofMillis(iterationMillis * warmups);
        int pairs = (int) Math.max(200, iterationMillis * iterations * 4L);
        List<PairedOverhead.Figures> paired = fork
                ? PairedOverhead.forked(rounds, warmup, pairs, 20_261_128L)
                : List.of(PairedOverhead.run(warmup, pairs, 20_261_128L));
        return new OverheadFigures(score(byCall.get("client")), score(byCall.get("bareOkHttp")),
                score(byCall.get("bareOkHttpAndJackson")), ratios, sameCall, pathClient[0], pathBare[0],
                pathClient[1], pathBare[1], paired);
    }

    /** The mean time (µs) of one call of a benchmark measured in average-time mode, and its bytes allocated. */
    private static double[] average(Class<?> benchmark, String call, boolean fork, int warmups, int iterations,
                                    long iterationMillis) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + "\\." + call + "$")
                .forks(fork ? 1 : 0)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .threads(1)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .jvmArgs("-Xms512m", "-Xmx512m", "-Djava.awt.headless=true")
                .build();
        RunResult result = new Runner(options).runSingle();
        Result<?> allocated = result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith(ALLOCATED)).map(Map.Entry::getValue).findFirst().orElse(null);
        return new double[] {result.getPrimaryResult().getScore(),
            allocated == null ? Double.NaN : allocated.getScore()};
    }

    private static double[] measure(String call, boolean fork, int warmups, int iterations, long iterationMillis)
            throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ClientOverheadBenchmark.class.getName() + "\\." + call + "$")
                .forks(fork ? 1 : 0)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .threads(1)
                .shouldFailOnError(true)
                .jvmArgs("-Xms512m", "-Xmx512m", "-Djava.awt.headless=true", "-Dsun.net.httpserver.nodelay=true")
                .build();
        RunResult result = new Runner(options).runSingle();
        return new double[] {result.getPrimaryResult().getStatistics().getPercentile(50),
            result.getPrimaryResult().getScore()};
    }

    private static OverheadFigures.Score score(List<double[]> rounds) {
        List<Double> medians = new ArrayList<>();
        double meanSum = 0;
        for (double[] r : rounds) {
            medians.add(r[0]);
            meanSum += r[1];
        }
        return new OverheadFigures.Score(OverheadFigures.median(medians), meanSum / rounds.size());
    }
}
