package io.jenkins.plugins.circleci.bench.report;

import io.jenkins.plugins.circleci.bench.harness.FootprintFigures;
import io.jenkins.plugins.circleci.bench.harness.PollingFigures;
import io.jenkins.plugins.circleci.bench.harness.ScaleFigures;
import io.jenkins.plugins.circleci.bench.harness.ScheduleFigures;
import io.jenkins.plugins.circleci.bench.harness.TradeOffFigures;
import io.jenkins.plugins.circleci.bench.harness.WebhookFigures;
import io.jenkins.plugins.circleci.bench.jmh.OverheadFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run measured.
 *
 * @param baseline        the baseline contender's name
 * @param primary         our contender with default options in the webhook and footprint figures
 * @param withHistory     our contender in the polling figures when Insights knows the projects' durations
 * @param withoutHistory  our contender in the polling figures when Insights knows nothing
 * @param tradeOff        our engine without history on several poll schedules, over several draws
 * @param elapsed         how long the whole run took (real time)
 */
public record BenchReport(MachineInfo machine, Instant date, Duration elapsed, String baseline, String primary,
                          String withHistory, String withoutHistory, List<PollingFigures> polling,
                          List<TradeOffFigures> tradeOff, List<ScheduleFigures> schedules, List<ScaleFigures> scale,
                          List<WebhookFigures> webhook, List<FootprintFigures> footprint, OverheadFigures overhead) {

    public BenchReport {
        polling = List.copyOf(polling);
        tradeOff = List.copyOf(tradeOff);
        schedules = List.copyOf(schedules);
        scale = List.copyOf(scale);
        webhook = List.copyOf(webhook);
        footprint = List.copyOf(footprint);
    }

    public Optional<PollingFigures> polling(String contender, Duration length) {
        return polling.stream().filter(p -> p.contender().equals(contender) && p.length().equals(length)).findFirst();
    }

    public Optional<FootprintFigures> footprint(String contender, int waits) {
        return footprint.stream().filter(f -> f.contender().equals(contender) && f.waits() == waits).findFirst();
    }

    /** Pipeline lengths measured, in order. */
    public List<Duration> lengths() {
        return polling.stream().map(PollingFigures::length).distinct().sorted().toList();
    }

    /** Contenders of the polling figures, in order of appearance. */
    public List<String> pollingContenders() {
        return polling.stream().map(PollingFigures::contender).distinct().toList();
    }

    /** Wait counts of the footprint figures, in order. */
    public List<Integer> waitCounts() {
        return footprint.stream().map(FootprintFigures::waits).distinct().sorted().toList();
    }
}
