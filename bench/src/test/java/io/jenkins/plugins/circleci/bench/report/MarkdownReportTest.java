package io.jenkins.plugins.circleci.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.bench.harness.FootprintFigures;
import io.jenkins.plugins.circleci.bench.harness.Latencies;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.bench.harness.PollingFigures;
import io.jenkins.plugins.circleci.bench.harness.ScaleFigures;
import io.jenkins.plugins.circleci.bench.harness.ScheduleFigures;
import io.jenkins.plugins.circleci.bench.harness.TradeOffFigures;
import io.jenkins.plugins.circleci.bench.harness.WebhookFigures;
import io.jenkins.plugins.circleci.bench.jmh.OverheadFigures;
import io.jenkins.plugins.circleci.bench.jmh.PairedOverhead;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static final Duration TEN_MIN = Duration.ofMinutes(10);
    private static final MachineInfo MACHINE = new MachineInfo(2, "Test CPU", "24.0 GiB", "Test VM 17", "-Xmx2g",
            "Linux");

    @Test
    void holdsOursAgainstEveryTargetAndShowsRatios() {
        String md = MarkdownReport.render(report(20, Duration.ofSeconds(2), 50, Duration.ofSeconds(5), 200, 12,
                15_000, 1.02, 0), "chart.png", "schedule.png");

        assertThat(md)
                .contains("| processors (nproc) | 2 |", "| CPU | Test CPU |", "| RAM | 24.0 GiB |", "Test VM 17")
                .contains("| requests per 10 min pipeline with history, polling only | ≤ 0.25× the baseline's, at "
                        + "≤ 0.6× its median detection latency | 20.0 requests, p50 2.00 s | 100.0 requests, p50 "
                        + "5.00 s | 0.20× requests, 0.40× p50 latency | met |")
                .contains("| requests per 10 min pipeline without history, polling only | ≤ 0.5× the baseline's, at "
                        + "≤ 1× its median detection latency | 50.0 requests, p50 5.00 s |", "| 0.50× requests, 1.00× "
                        + "p50 latency | met |")
                .contains("| detection p99 with history (10 min pipelines) | ≤ the baseline's p50 | p99 2.00 s |")
                .contains("| p99 200 ms (p50 200 ms) |")
                .contains("| 12 | 10,000 (extrapolated) |")
                .contains("| 14.6 KB | 14.6 KB (from 1,000 waits) + a thread stack |")
                .contains("| 102.0 µs (median, timed in pairs) | bare OkHttp + Jackson tree 100.0 µs | 1.02× (median "
                        + "of 3 JVMs' paired ratios, 1.01× to 1.52×; separate JMH forks: 1.40×) | met |")
                .contains("came out at 0.90×, 1.10×, 1.25× of itself (0.90× to 1.25×)")
                .contains("| the same, OkHttp set up as our client is, with our headers | 100.0 µs | 1.00× |")
                .contains("our client 4.5 µs and 4800 B allocated, bare OkHttp + Jackson tree 4.0 µs and 5900 B "
                        + "allocated")
                .contains("ours, duration-aware: 0 × 429, peak 240 requests/s")
                .doesNotContain("**missed**")
                .contains("![Detection latency", "(chart.png)", "(schedule.png)")
                .contains("### Reading the requests targets", "20.0 requests (0.20×) for a median latency of 2.00 s "
                        + "(0.40×)");
    }

    @Test
    void marksEveryMissedTarget() {
        String md = MarkdownReport.render(report(40, Duration.ofSeconds(6), 60, Duration.ofSeconds(6), 300, 17,
                30_000, 1.2, 3), "chart.png", "schedule.png");

        assertThat(md.split("\\*\\*missed\\*\\*", -1)).hasSize(9);
    }

    @Test
    void showsEverySchedulesRatiosOverTheDrawsAndCountsTheDrawsInsideTheTarget() {
        // Baselines of 100 requests whose medians differ by draw, as they do between draws of real pipelines.
        List<PollingFigures> baselines = List.of(polling("baseline", 100, Duration.ofMillis(5_000)),
                polling("baseline", 100, Duration.ofMillis(4_600)), polling("baseline", 100, Duration.ofMillis(5_400)));
        TradeOffFigures quick = tradeOff("adaptive 2–10 s (default)", 2, 10, baselines, 59, 4_100, 4_000, 4_400);
        TradeOffFigures slow = tradeOff("every 11 s", 11, 11, baselines, 50, 4_900, 4_700, 5_200);
        BenchReport base = report(20, Duration.ofSeconds(2), 50, Duration.ofSeconds(5), 200, 12, 15_000, 1.02, 0);
        BenchReport withTradeOff = new BenchReport(base.machine(), base.date(), base.elapsed(), base.baseline(),
                base.primary(), base.withHistory(), base.withoutHistory(), base.polling(), List.of(quick, slow),
                base.schedules(), base.scale(), base.webhook(), base.footprint(), base.overhead());

        String md = MarkdownReport.render(withTradeOff, "chart.png", "schedule.png");

        assertThat(md).contains("## " + TradeOffSection.HEADING, "[measured below](" + TradeOffSection.ANCHOR + ")")
                .contains("each on 3 draws of 10 pipelines")
                // Request ratios 0.59 in every draw; latency ratios 4.1/5.0, 4.0/4.6, 4.4/5.4.
                .contains("| adaptive 2–10 s (default) | 59.0 | 0.59× (0.59× to 0.59×) | 4.10 s | 0.82× (0.81× to "
                        + "0.87×) | 0.48 (0.48 to 0.51) | 0 of 3 |")
                // 4.9/5.0 = 0.98, 4.7/4.6 = 1.02 (outside), 5.2/5.4 = 0.96.
                .contains("| every 11 s | 50.0 | 0.50× (0.50× to 0.50×) | 4.90 s | 0.98× (0.96× to 1.02×) | "
                        + "0.49 (0.48 to 0.51) | 2 of 3 |")
                .contains("ranged from 4.60 s to 5.40 s over the draws")
                .contains("The lowest median product, 0.48, is that of adaptive 2–10 s (default); no schedule is inside "
                        + "the target in every draw.")
                .contains("the quickest here is every 11 s (0.50× the requests at 0.98× the latency)", "intervals (Manage Jenkins > System > CircleCI) both to 11 s.");
    }

    @Test
    void leavesTheTradeOffOutWhenTheRunDidNotMeasureIt() {
        String md = MarkdownReport.render(report(20, Duration.ofSeconds(2), 50, Duration.ofSeconds(5), 200, 12,
                15_000, 1.02, 0), "chart.png", "schedule.png");

        assertThat(md).doesNotContain(TradeOffSection.HEADING);
    }

    private static TradeOffFigures tradeOff(String name, int min, int max, List<PollingFigures> baselines,
                                            double requests, long... p50Millis) {
        List<TradeOffFigures.Draw> draws = new java.util.ArrayList<>();
        for (int i = 0; i < baselines.size(); i++) {
            draws.add(new TradeOffFigures.Draw(i, polling(name, requests, Duration.ofMillis(p50Millis[i])),
                    baselines.get(i)));
        }
        return new TradeOffFigures(name, Duration.ofSeconds(min), Duration.ofSeconds(max), draws);
    }

    private static BenchReport report(double withRequests, Duration withP50, double withoutRequests,
                                      Duration withoutP50, long webhookMs, long threads, long heap, double overhead,
                                      long rateLimited) {
        List<PollingFigures> polling = List.of(
                polling("baseline", 100, Duration.ofSeconds(5)),
                polling("ours, no history", withoutRequests, withoutP50),
                polling("ours, history accurate", withRequests, withP50));
        List<WebhookFigures> webhook = List.of(new WebhookFigures("ours (defaults)", 10,
                new Latencies(List.of(Duration.ofMillis(webhookMs))), 10, 0, 10, 20, 10));
        FootprintFigures b100 = new FootprintFigures("baseline", 100, 100, 15_000, 200, false);
        FootprintFigures b1000 = new FootprintFigures("baseline", 1_000, 1_000, 15_000, 2_000, false);
        List<FootprintFigures> footprint = List.of(b100, b1000,
                new FootprintFigures("ours (defaults)", 10_000, threads, heap, 50, false),
                FootprintFigures.extrapolate(b1000, 10_000));
        OverheadFigures o = new OverheadFigures(new OverheadFigures.Score(100 * overhead, 130),
                new OverheadFigures.Score(100, 120), new OverheadFigures.Score(101, 125),
                List.of(1.3, 1.4, 1.9), List.of(0.9, 1.1, 1.25), 4.5, 4.0, 4800, 5900,
                List.of(new PairedOverhead.Figures(100 * overhead - 1, 100, 101, 1000),
                        new PairedOverhead.Figures(100 * overhead, 100, 100, 1000),
                        new PairedOverhead.Figures(100 * overhead + 50, 100, 99, 1000)));
        List<ScaleFigures> scale = List.of(new ScaleFigures("ours, duration-aware", 10_000, TEN_MIN,
                new RateLimit(250, 50), 300, new Latencies(List.of(Duration.ofSeconds(2))), 240_000, 240_000, 240,
                35.5, rateLimited, 20, 10_000, Duration.ofMinutes(12)));
        List<ScheduleFigures> schedules = List.of(new ScheduleFigures("baseline", List.of(Duration.ZERO),
                TEN_MIN, TEN_MIN.plusSeconds(5)));
        return new BenchReport(MACHINE, Instant.parse("2026-11-28T12:00:00Z"), Duration.ofSeconds(200), "baseline",
                "ours (defaults)", "ours, history accurate", "ours, no history", polling, List.of(), schedules, scale,
                webhook, footprint, o);
    }

    private static PollingFigures polling(String contender, double requestsPerPipeline, Duration p50) {
        int pipelines = 10;
        long requests = Math.round(requestsPerPipeline * pipelines);
        return new PollingFigures(contender, TEN_MIN, pipelines, new Latencies(List.of(p50)), requests, requests,
                Map.of("GET /pipeline/{pipeline-id}/workflow", requests), pipelines);
    }
}
