package io.jenkins.plugins.circleci.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.bench.harness.FootprintFigures;
import io.jenkins.plugins.circleci.bench.harness.Latencies;
import io.jenkins.plugins.circleci.bench.harness.PollingFigures;
import io.jenkins.plugins.circleci.bench.harness.WebhookFigures;
import io.jenkins.plugins.circleci.bench.jmh.OverheadFigures;
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
        String md = MarkdownReport.render(report(50, Duration.ofSeconds(4), 200, 12, 15_000, 1.02), "chart.png");

        assertThat(md)
                .contains("| processors (nproc) | 2 |", "| CPU | Test CPU |", "| RAM | 24.0 GiB |", "Test VM 17")
                .contains("50.0 requests, p50 4.00 s | 100.0 requests, p50 5.00 s | 0.50× requests, 0.80× p50 "
                        + "latency | met |")
                .contains("| p99 200 ms (p50 200 ms) |")
                .contains("| 12 | 10,000 (extrapolated) |")
                .contains("| 14.6 KB | 14.6 KB (from 1,000 waits) + a thread stack |")
                .contains("| 1.02× | met |")
                .doesNotContain("**missed**")
                .contains("![Detection latency", "(chart.png)")
                .contains("### Reading the requests target", "50.0 requests (0.50×) for a median latency of 4.00 s "
                        + "(0.80×)", "made 2.0 requests for a pipeline of a few seconds");
    }

    @Test
    void marksEveryMissedTarget() {
        String md = MarkdownReport.render(report(60, Duration.ofSeconds(6), 300, 17, 30_000, 1.2), "chart.png");

        assertThat(md.split("\\*\\*missed\\*\\*", -1)).hasSize(6);
    }

    private static BenchReport report(double oursRequests, Duration oursP50, long webhookMs, long threads, long heap,
                                      double overhead) {
        List<PollingFigures> polling = List.of(
                polling("baseline", 100, Duration.ofSeconds(5)),
                polling("ours (defaults)", oursRequests, oursP50));
        List<WebhookFigures> webhook = List.of(new WebhookFigures("ours (defaults)", 10,
                new Latencies(List.of(Duration.ofMillis(webhookMs))), 10, 0, 10, 20, 10));
        FootprintFigures b100 = new FootprintFigures("baseline", 100, 100, 15_000, 200, false);
        FootprintFigures b1000 = new FootprintFigures("baseline", 1_000, 1_000, 15_000, 2_000, false);
        List<FootprintFigures> footprint = List.of(b100, b1000,
                new FootprintFigures("ours (defaults)", 10_000, threads, heap, 50, false),
                FootprintFigures.extrapolate(b1000, 10_000));
        OverheadFigures o = new OverheadFigures(new OverheadFigures.Score(100 * overhead, 130),
                new OverheadFigures.Score(100, 120), new OverheadFigures.Score(101, 125),
                List.of(overhead - 0.01, overhead, overhead + 0.5));
        return new BenchReport(MACHINE, Instant.parse("2026-11-28T12:00:00Z"), Duration.ofSeconds(200), "baseline",
                "ours (defaults)", polling, webhook, footprint, o);
    }

    private static PollingFigures polling(String contender, double requestsPerPipeline, Duration p50) {
        int pipelines = 10;
        long requests = Math.round(requestsPerPipeline * pipelines);
        return new PollingFigures(contender, TEN_MIN, pipelines, new Latencies(List.of(p50)), requests, requests,
                Map.of("GET /pipeline/{pipeline-id}/workflow", requests), pipelines);
    }
}
