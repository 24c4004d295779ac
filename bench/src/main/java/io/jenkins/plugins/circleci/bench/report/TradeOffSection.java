package io.jenkins.plugins.circleci.bench.report;

import static io.jenkins.plugins.circleci.bench.report.Formats.decimal;
import static io.jenkins.plugins.circleci.bench.report.Formats.duration;
import static io.jenkins.plugins.circleci.bench.report.Formats.length;
import static io.jenkins.plugins.circleci.bench.report.Formats.plain;
import static io.jenkins.plugins.circleci.bench.report.Formats.ratio;

import io.jenkins.plugins.circleci.bench.harness.TradeOffFigures;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * The report's section on waits without history: each poll schedule's requests and median latency against the
 * baseline's, over several draws of the pipelines, so that a verdict at the target's corner is read against the
 * spread between draws rather than one draw's luck.
 */
final class TradeOffSection {

    /** The heading, also the anchor the requests paragraph links to. */
    static final String HEADING = "Without history: requests against latency, schedule by schedule (simulated time)";
    static final String ANCHOR = "#without-history-requests-against-latency-schedule-by-schedule-simulated-time";

    private final List<TradeOffFigures> figures;
    private final double requestTarget;
    private final double latencyTarget;
    private final Consumer<String> line;

    private TradeOffSection(List<TradeOffFigures> figures, double requestTarget, double latencyTarget,
            Consumer<String> line) {
        this.figures = figures;
        this.requestTarget = requestTarget;
        this.latencyTarget = latencyTarget;
        this.line = line;
    }

    /** Writes the section through {@code line}; nothing when the run measured no trade-off. */
    static void write(List<TradeOffFigures> figures, double requestTarget, double latencyTarget,
            Consumer<String> line) {
        if (figures.isEmpty() || figures.get(0).draws().isEmpty()) {
            return;
        }
        new TradeOffSection(figures, requestTarget, latencyTarget, line).write();
    }

    private void write() {
        TradeOffFigures first = figures.get(0);
        int draws = first.draws().size();
        int pipelines = first.draws().get(0).ours().pipelines();
        Duration length = first.draws().get(0).ours().length();
        line.accept("## " + HEADING);
        line.accept("");
        line.accept("A wait that knows nothing about when its pipeline will end can only trade requests for latency. "
                + "Here our engine without history polls " + length(length) + " pipelines on " + figures.size()
                + " schedules, each on " + draws + " draws of " + pipelines + " pipelines (the draws differ in their "
                + "seed: the pipelines' lengths, the simulator's ids and our jitter; the first is the draw of the "
                + "tables above), and every draw is measured side by side with the baseline on the very same "
                + "pipelines. Ratios are ours over the baseline's within a draw; the table gives their median over the "
                + "draws and, in brackets, their range. Each pause is shortened by up to a fifth at random, so "
                + "\"every 10 s\" means 8 to 10 s. The product of the two ratios is what a schedule that knows nothing "
                + "of the end cannot lower: a poll is one request against the baseline's two, and an end is seen "
                + "half a mean interval late at best, so no schedule brings the product much below 0.5, and the "
                + "target without history (≤ " + plain(requestTarget) + "× the requests at ≤ " + plain(latencyTarget)
                + "× the median latency) is the corner of that line.");
        line.accept("");
        line.accept("| schedule (min–max interval) | requests / pipeline | requests vs baseline | p50 latency | p50 vs "
                + "baseline | requests × p50 | draws inside the target |");
        line.accept("| --- | --- | --- | --- | --- | --- | --- |");
        for (TradeOffFigures f : figures) {
            double requests = f.draws().stream().mapToDouble(d -> d.ours().requestsPerPipeline()).average()
                    .orElse(Double.NaN);
            Duration p50 = Duration.ofMillis(Math.round(TradeOffFigures.median(f.draws().stream()
                    .map(d -> (double) d.ours().latencies().p50().toMillis()).toList())));
            line.accept("| " + f.schedule() + " | " + decimal(requests) + " | " + spread(f.requestRatios()) + " | "
                    + duration(p50) + " | " + spread(f.latencyRatios()) + " | " + spread(f.products(), TradeOffSection::plain2)
                    + " | "
                    + f.drawsWithin(requestTarget, latencyTarget) + " of " + f.draws().size() + " |");
        }
        line.accept("");
        List<Duration> baselineP50s = first.draws().stream().map(d -> d.baseline().latencies().p50()).sorted()
                .toList();
        String inEveryDraw = figures.stream().filter(f -> f.drawsWithin(requestTarget, latencyTarget) == draws)
                .map(TradeOffFigures::schedule).collect(Collectors.joining(", "));
        TradeOffFigures lowest = figures.stream().min(Comparator.comparingDouble(
                f -> TradeOffFigures.median(f.products()))).orElseThrow();
        line.accept("The baseline's own median latency ranged from " + duration(baselineP50s.get(0)) + " to "
                + duration(baselineP50s.get(baselineP50s.size() - 1)) + " over the draws, on pipelines of the same "
                + "kind: one draw's verdict at the corner is decided by which pipelines it drew. The lowest median "
                + "product, " + plain2(TradeOffFigures.median(lowest.products())) + ", is that of "
                + lowest.schedule() + "; "
                + (inEveryDraw.isEmpty() ? "no schedule is inside the target in every draw."
                        : "inside the target in every draw: " + inEveryDraw + ".")
                + " Slower schedules save requests and pay for them in latency along the same line; the default "
                + "stays on its quicker side, because a release gate waits on the latency." + halving());
        line.accept("");
    }

    /** Which measured schedule halves the requests at the least latency, and how an administrator chooses it. */
    private String halving() {
        return figures.stream().filter(f -> TradeOffFigures.median(f.requestRatios()) <= requestTarget)
                .min(Comparator.comparingDouble(f -> TradeOffFigures.median(f.latencyRatios())))
                .map(f -> " Of the schedules at or below " + plain(requestTarget) + "× the requests, the quickest "
                        + "here is " + f.schedule() + " (" + ratio(TradeOffFigures.median(f.requestRatios()))
                        + " the requests at " + ratio(TradeOffFigures.median(f.latencyRatios())) + " the latency); "
                        + "an administrator who would rather halve the requests than notice sooner sets the minimum "
                        + "and maximum poll intervals (Manage Jenkins > System > CircleCI) " + intervals(f) + ".")
                .orElse("");
    }

    /** "both to 12 s", or "to 2 and 12 s". */
    private static String intervals(TradeOffFigures f) {
        return f.min().equals(f.max()) ? "both to " + f.min().toSeconds() + " s"
                : "to " + f.min().toSeconds() + " and " + f.max().toSeconds() + " s";
    }

    /** The median of {@code values}, then their range: {@code 0.59× (0.57× to 0.61×)}. */
    private static String spread(List<Double> values) {
        return spread(values, Formats::ratio);
    }

    private static String spread(List<Double> values, DoubleFunction<String> format) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        String median = format.apply(TradeOffFigures.median(values));
        return values.size() == 1 ? median : median + " (" + format.apply(min) + " to " + format.apply(max) + ")";
    }

    /** A product of two ratios, which is not itself a ratio to anything: 0.48. */
    private static String plain2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
