package io.jenkins.plugins.circleci.bench;

import io.jenkins.plugins.circleci.bench.report.BenchChart;
import io.jenkins.plugins.circleci.bench.report.BenchReport;
import io.jenkins.plugins.circleci.bench.report.MarkdownReport;
import io.jenkins.plugins.circleci.bench.report.ScheduleChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the full suite and writes {@code benchmarks.md} and {@code benchmarks.png}.
 *
 * <pre>mvn -B -pl bench -am -Pbench verify</pre>
 * or, with the class path at hand, {@code java ... BenchMain --out docs [--smoke]}.
 */
public final class BenchMain {

    public static final String MARKDOWN = "benchmarks.md";
    public static final String CHART = "benchmarks.png";
    /** The picture of each schedule over one pipeline, which docs/engine.md shows too. */
    public static final String SCHEDULE_CHART = "polling-schedule.png";

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of("docs");
        BenchSizes sizes = BenchSizes.full();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(requireValue(args, ++i, "--out"));
                case "--smoke" -> sizes = BenchSizes.smoke();
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
                        + "'. Usage: BenchMain [--out DIR] [--smoke]");
            }
        }
        BenchReport report = new BenchSuite(sizes, System.out, List.of()).run();
        write(report, out);
        System.out.println("[bench] wrote " + out.resolve(MARKDOWN) + " and " + out.resolve(CHART));
        // Stray non-daemon threads of a library must not keep the build waiting.
        System.exit(0);
    }

    public static void write(BenchReport report, Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        MarkdownReport.write(report, dir.resolve(MARKDOWN), CHART, SCHEDULE_CHART);
        BenchChart.write(report, dir.resolve(CHART));
        ScheduleChart.write(report.schedules(), dir.resolve(SCHEDULE_CHART));
    }

    private static String requireValue(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value, e.g. " + option + " docs");
        }
        return args[i];
    }
}
