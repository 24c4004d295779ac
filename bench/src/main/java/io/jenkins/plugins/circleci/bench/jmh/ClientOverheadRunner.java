package io.jenkins.plugins.circleci.bench.jmh;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link ClientOverheadBenchmark} with a short JMH configuration and returns its scores. */
public final class ClientOverheadRunner {

    /**
     * @param forks      JMH forks; 0 runs in this JVM (only for the smoke test: a fork gives honest numbers)
     * @param iterations warm-up and measurement iterations each
     * @param iterationMillis length of one iteration
     */
    public static OverheadFigures run(int forks, int iterations, long iterationMillis) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ClientOverheadBenchmark.class.getName() + "\\.")
                .forks(forks)
                .warmupIterations(iterations)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .threads(1)
                .shouldFailOnError(true)
                .jvmArgs("-Xms512m", "-Xmx512m", "-Djava.awt.headless=true", "-Dsun.net.httpserver.nodelay=true")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, OverheadFigures.Score> scores = new HashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            Result<?> primary = r.getPrimaryResult();
            scores.put(label.substring(label.lastIndexOf('.') + 1), new OverheadFigures.Score(
                    primary.getStatistics().getPercentile(50), primary.getScore(), primary.getScoreError()));
        }
        return new OverheadFigures(require(scores, "client"), require(scores, "bareOkHttp"),
                require(scores, "bareOkHttpAndJackson"));
    }

    private static OverheadFigures.Score require(Map<String, OverheadFigures.Score> scores, String name) {
        OverheadFigures.Score s = scores.get(name);
        if (s == null) {
            throw new IllegalStateException("JMH produced no score for " + name + "; got " + scores.keySet());
        }
        return s;
    }

    private ClientOverheadRunner() {}
}
