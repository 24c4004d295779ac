package io.jenkins.plugins.circleci.bench;

import io.jenkins.plugins.circleci.bench.harness.Contender;
import io.jenkins.plugins.circleci.bench.harness.FootprintFigures;
import io.jenkins.plugins.circleci.bench.harness.FootprintHarness;
import io.jenkins.plugins.circleci.bench.harness.History;
import io.jenkins.plugins.circleci.bench.harness.PollingFigures;
import io.jenkins.plugins.circleci.bench.harness.PollingHarness;
import io.jenkins.plugins.circleci.bench.harness.ScaleFigures;
import io.jenkins.plugins.circleci.bench.harness.ScaleHarness;
import io.jenkins.plugins.circleci.bench.harness.ScheduleFigures;
import io.jenkins.plugins.circleci.bench.harness.ScheduleHarness;
import io.jenkins.plugins.circleci.bench.harness.TradeOffFigures;
import io.jenkins.plugins.circleci.bench.harness.TradeOffHarness;
import io.jenkins.plugins.circleci.bench.harness.WebhookFigures;
import io.jenkins.plugins.circleci.bench.harness.WebhookHarness;
import io.jenkins.plugins.circleci.bench.jmh.ClientOverheadRunner;
import io.jenkins.plugins.circleci.bench.jmh.OverheadFigures;
import io.jenkins.plugins.circleci.bench.report.BenchReport;
import io.jenkins.plugins.circleci.bench.report.MachineInfo;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs every harness for every contender at the given sizes and gathers one {@link BenchReport}. */
public final class BenchSuite {

    static final long SEED = 20_261_128L;

    private final BenchSizes sizes;
    private final PrintStream log;
    private final Contender baseline = Contender.baseline();
    private final Contender ours = Contender.engine("ours (defaults)", WatchOptions.defaults());
    private final Contender withoutHistory = Contender.ours(History.ABSENT);
    private final Contender withHistory = Contender.ours(History.ACCURATE);
    private final List<Contender> extraEngines;

    /** @param extraEngines further engine configurations for the polling figures */
    public BenchSuite(BenchSizes sizes, PrintStream log, List<Contender> extraEngines) {
        this.sizes = sizes;
        this.log = log;
        this.extraEngines = List.copyOf(extraEngines);
    }

    public BenchReport run() throws Exception {
        Instant started = Instant.now();
        List<PollingFigures> polling = polling();
        List<TradeOffFigures> tradeOff = tradeOff();
        List<ScheduleFigures> schedules = schedules();
        List<ScaleFigures> scale = scale();
        List<WebhookFigures> webhook = List.of(timed("webhook, " + ours.name(),
                () -> new WebhookHarness(SEED).run(ours, sizes.webhookPipelines())));
        List<FootprintFigures> footprint = footprint();
        OverheadFigures overhead = timed("client overhead (JMH and paired)", () -> ClientOverheadRunner.run(sizes.jmhRounds(),
                sizes.jmhFork(), sizes.jmhWarmups(), sizes.jmhIterations(), sizes.jmhIterationMillis()));
        return new BenchReport(MachineInfo.current(), started, Duration.between(started, Instant.now()),
                baseline.name(), ours.name(), withHistory.name(), withoutHistory.name(), polling, tradeOff, schedules,
                scale, webhook, footprint, overhead);
    }

    private List<PollingFigures> polling() throws Exception {
        List<Contender> contenders = new ArrayList<>(List.of(baseline, withoutHistory, withHistory,
                Contender.ours(History.LONG), Contender.ours(History.SHORT)));
        contenders.addAll(extraEngines);
        PollingHarness harness = new PollingHarness(SEED);
        List<PollingFigures> out = new ArrayList<>();
        for (Duration length : sizes.lengths()) {
            for (Contender c : contenders) {
                out.add(timed("polling, " + c.name() + ", " + length,
                        () -> harness.run(c, length, sizes.pollingPipelines())));
            }
        }
        return out;
    }

    /**
     * Our engine without history on several schedules, each on {@link BenchSizes#tradeOffDraws()} draws of the
     * main length's pipelines beside the baseline; the first draw has the main figures' seed.
     */
    private List<TradeOffFigures> tradeOff() throws Exception {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < sizes.tradeOffDraws(); i++) {
            seeds.add(SEED + i);
        }
        return timed("trade-off without history, " + seeds.size() + " draws", () -> new TradeOffHarness(seeds)
                .run(TradeOffHarness.schedules(), sizes.scaleLength(), sizes.pollingPipelines()));
    }

    /** One pipeline of the main length, ending mid-spread and between two of the baseline's polls, for the picture. */
    private List<ScheduleFigures> schedules() throws Exception {
        Duration length = sizes.scaleLength();
        Duration job = length.minusSeconds(1).plusMillis(13_700);
        ScheduleHarness harness = new ScheduleHarness(SEED);
        List<ScheduleFigures> out = new ArrayList<>();
        for (Contender c : List.of(baseline, withoutHistory, withHistory)) {
            out.add(timed("schedule, " + c.name(), () -> harness.run(c, length, job)));
        }
        return out;
    }

    private List<ScaleFigures> scale() throws Exception {
        ScaleHarness harness = new ScaleHarness(SEED);
        List<ScaleFigures> out = new ArrayList<>();
        Contender aware = Contender.engine("ours, duration-aware", WatchOptions.defaults(), History.ACCURATE);
        Contender blind = Contender.engine("ours, duration-blind", WatchOptions.builder().durationAware(false)
                .build(), History.ACCURATE);
        for (Contender c : List.of(aware, blind)) {
            out.add(timed("scale, " + c.name() + ", " + sizes.scaleWaits() + " waits",
                    () -> harness.run(c, sizes.scaleWaits(), sizes.scaleLength())));
        }
        return out;
    }

    private List<FootprintFigures> footprint() throws Exception {
        FootprintHarness harness = new FootprintHarness(SEED);
        List<FootprintFigures> out = new ArrayList<>();
        List<FootprintFigures> baselineRuns = new ArrayList<>();
        for (int waits : sizes.baselineWaits()) {
            FootprintFigures f = timed("footprint, baseline, " + waits,
                    () -> harness.run(baseline, waits, sizes.footprintSettle()));
            baselineRuns.add(f);
            out.add(f);
        }
        for (int waits : sizes.engineWaits()) {
            out.add(timed("footprint, " + ours.name() + ", " + waits,
                    () -> harness.run(ours, waits, sizes.footprintSettle())));
            if (!sizes.baselineWaits().contains(waits) && !baselineRuns.isEmpty()) {
                out.add(FootprintFigures.extrapolate(baselineRuns.get(baselineRuns.size() - 1), waits));
            }
        }
        return out;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T timed(String what, Step<T> step) throws Exception {
        long start = System.nanoTime();
        log.println("[bench] " + what + " ...");
        T result = step.run();
        String shown = result.toString();
        log.println("[bench] " + what + " done in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: "
                + (shown.length() > 400 ? shown.substring(0, 400) + "…" : shown));
        return result;
    }
}
