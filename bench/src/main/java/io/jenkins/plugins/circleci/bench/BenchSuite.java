package io.jenkins.plugins.circleci.bench;

import io.jenkins.plugins.circleci.bench.harness.Contender;
import io.jenkins.plugins.circleci.bench.harness.FootprintFigures;
import io.jenkins.plugins.circleci.bench.harness.FootprintHarness;
import io.jenkins.plugins.circleci.bench.harness.PollingFigures;
import io.jenkins.plugins.circleci.bench.harness.PollingHarness;
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
    private final List<Contender> extraEngines;

    /** @param extraEngines further engine configurations for the polling figures (tuning proposals) */
    public BenchSuite(BenchSizes sizes, PrintStream log, List<Contender> extraEngines) {
        this.sizes = sizes;
        this.log = log;
        this.extraEngines = List.copyOf(extraEngines);
    }

    public BenchReport run() throws Exception {
        Instant started = Instant.now();
        List<PollingFigures> polling = polling();
        List<WebhookFigures> webhook = List.of(timed("webhook, " + ours.name(),
                () -> new WebhookHarness(SEED).run(ours, sizes.webhookPipelines())));
        List<FootprintFigures> footprint = footprint();
        OverheadFigures overhead = timed("client overhead (JMH)", () -> ClientOverheadRunner.run(sizes.jmhRounds(),
                sizes.jmhFork(), sizes.jmhIterations(), sizes.jmhIterationMillis()));
        return new BenchReport(MachineInfo.current(), started, Duration.between(started, Instant.now()),
                baseline.name(), ours.name(), polling, webhook, footprint, overhead);
    }

    private List<PollingFigures> polling() throws Exception {
        List<Contender> contenders = new ArrayList<>(List.of(baseline, ours));
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
        log.println("[bench] " + what + " done in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: "
                + result);
        return result;
    }
}
