package io.jenkins.plugins.circleci.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.bench.harness.Contender;
import io.jenkins.plugins.circleci.bench.harness.FootprintFigures;
import io.jenkins.plugins.circleci.bench.harness.History;
import io.jenkins.plugins.circleci.bench.harness.PollingFigures;
import io.jenkins.plugins.circleci.bench.harness.PollingHarness;
import io.jenkins.plugins.circleci.bench.harness.ScaleFigures;
import io.jenkins.plugins.circleci.bench.harness.ScaleHarness;
import io.jenkins.plugins.circleci.bench.harness.ScheduleFigures;
import io.jenkins.plugins.circleci.bench.harness.TradeOffFigures;
import io.jenkins.plugins.circleci.bench.harness.TradeOffHarness;
import io.jenkins.plugins.circleci.bench.harness.WebhookFigures;
import io.jenkins.plugins.circleci.bench.jmh.OverheadFigures;
import io.jenkins.plugins.circleci.bench.report.BenchReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every harness at tiny sizes and checks that the measurements are sane and agree with each other: outcomes
 * correct, request counts equal to the simulator's journal, one thread per baseline wait. It never checks a timing.
 */
class BenchSmokeTest {

    @TempDir
    static Path out;

    private static BenchReport report;

    @BeforeAll
    static void runSuite() throws Exception {
        System.setProperty("java.awt.headless", "true");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        report = new BenchSuite(BenchSizes.smoke(), new PrintStream(log, true, StandardCharsets.UTF_8), List.of())
                .run();
        BenchMain.write(report, out);
    }

    @Test
    void pollingWaitsEndCorrectlyAfterTheSimulatorCompletedAndCountEveryRequest() {
        assertThat(report.polling()).hasSize(5);
        for (PollingFigures p : report.polling()) {
            assertThat(p.correctOutcomes()).as(p.contender()).isEqualTo(p.pipelines());
            assertThat(p.latencies().count()).as(p.contender()).isEqualTo(p.pipelines());
            assertThat(p.latencies().anyNegative()).as(p.contender()).isFalse();
            assertThat(p.waitRequests()).as(p.contender()).isPositive().isEqualTo(p.clientRequests());
            long journaled = p.requestsByRoute().values().stream().mapToLong(Long::longValue).sum();
            assertThat(journaled).as(p.contender()).isEqualTo(p.waitRequests() + p.pipelines());
        }
    }

    @Test
    void everyWaitOfOurEngineAsksInsightsOnceForItsProjectAndTheBaselineNever() {
        for (PollingFigures p : report.polling()) {
            long insights = p.requestsByRoute().getOrDefault("GET /insights/{project-slug}/workflows", 0L);
            assertThat(insights).as(p.contender()).isEqualTo(p.contender().equals(report.baseline()) ? 0
                    : p.pipelines());
        }
    }

    @Test
    void simulatedTimeFiguresRepeatExactlyForTheSameSeed() throws Exception {
        Contender ours = Contender.ours(History.ACCURATE);
        Duration length = BenchSizes.smoke().lengths().get(0);
        PollingFigures again = new PollingHarness(BenchSuite.SEED).run(ours, length,
                BenchSizes.smoke().pollingPipelines());
        PollingFigures first = report.polling(ours.name(), length).orElseThrow();

        assertThat(again.latencies()).isEqualTo(first.latencies());
        assertThat(again.requestsByRoute()).isEqualTo(first.requestsByRoute());
    }

    @Test
    void theTradeOffMeasuresEveryScheduleOnEveryDrawBesideTheBaselineOnTheSamePipelines() {
        List<TradeOffFigures> tradeOff = report.tradeOff();
        int draws = BenchSizes.smoke().tradeOffDraws();

        assertThat(tradeOff).extracting(TradeOffFigures::schedule).containsExactlyElementsOf(
                TradeOffHarness.schedules().stream().map(TradeOffHarness.Schedule::name).toList());
        for (TradeOffFigures f : tradeOff) {
            assertThat(f.draws()).as(f.schedule()).hasSize(draws);
            assertThat(f.draws()).extracting(TradeOffFigures.Draw::seed).as(f.schedule()).doesNotHaveDuplicates();
            for (TradeOffFigures.Draw d : f.draws()) {
                for (PollingFigures p : List.of(d.ours(), d.baseline())) {
                    assertThat(p.correctOutcomes()).as(p.contender()).isEqualTo(p.pipelines());
                    assertThat(p.latencies().anyNegative()).as(p.contender()).isFalse();
                    assertThat(p.waitRequests()).as(p.contender()).isPositive().isEqualTo(p.clientRequests());
                }
                // The same draw of pipelines for both: the same triggers, one per pipeline.
                assertThat(d.ours().pipelines()).isEqualTo(d.baseline().pipelines());
                assertThat(d.baseline()).isSameAs(tradeOff.get(0).draws().get(f.draws().indexOf(d)).baseline());
            }
        }
    }

    @Test
    void theTradeOffsFirstDrawIsTheDrawOfTheMainTables() {
        Duration length = BenchSizes.smoke().scaleLength();
        TradeOffFigures.Draw first = report.tradeOff().get(0).draws().get(0);
        PollingFigures withoutHistory = report.polling(report.withoutHistory(), length).orElseThrow();
        PollingFigures baseline = report.polling(report.baseline(), length).orElseThrow();

        assertThat(first.seed()).isEqualTo(BenchSuite.SEED);
        assertThat(first.ours().latencies()).isEqualTo(withoutHistory.latencies());
        assertThat(first.ours().requestsByRoute()).isEqualTo(withoutHistory.requestsByRoute());
        assertThat(first.baseline().latencies()).isEqualTo(baseline.latencies());
        assertThat(first.baseline().requestsByRoute()).isEqualTo(baseline.requestsByRoute());
    }

    @Test
    void scaleRunsEveryWaitToItsEndAndCountsEveryRequestAndRefusal() {
        assertThat(report.scale()).hasSize(2);
        for (ScaleFigures f : report.scale()) {
            assertThat(f.correctOutcomes()).as(f.contender()).isEqualTo(f.waits());
            assertThat(f.latencies().count()).as(f.contender()).isEqualTo(f.waits());
            assertThat(f.waitRequests()).as(f.contender()).isPositive().isEqualTo(f.clientRequests());
            assertThat(f.peakPerSecond()).as(f.contender()).isPositive();
            assertThat(f.rateLimited()).as(f.contender()).isNotNegative();
        }
        assertThat(report.scale().get(0).insightsRequests()).as("one per project, shared by its waits")
                .isBetween(1L, (long) ScaleHarness.PROJECTS);
        assertThat(report.scale().get(1).insightsRequests()).as("duration-blind never asks").isZero();
    }

    @Test
    void theSchedulePictureHasEveryContendersRequestsAndTheEnd() throws Exception {
        assertThat(report.schedules()).hasSize(3);
        for (ScheduleFigures s : report.schedules()) {
            assertThat(s.requests()).as(s.contender()).isNotEmpty();
            assertThat(s.detected()).as(s.contender()).isGreaterThanOrEqualTo(s.end());
        }
        BufferedImage png = ImageIO.read(out.resolve(BenchMain.SCHEDULE_CHART).toFile());
        assertThat(png).isNotNull();
    }

    @Test
    void baselinePollsReadThePipelineThenItsWorkflowsEveryTime() {
        PollingFigures baseline = report.polling(report.baseline(), BenchSizes.smoke().lengths().get(0)).orElseThrow();

        assertThat(baseline.requestsByRoute()).containsEntry("GET /pipeline/{pipeline-id}", baseline.waitRequests() / 2)
                .containsEntry("GET /pipeline/{pipeline-id}/workflow", baseline.waitRequests() / 2);
        // A pipeline of a minute polled every 10 s takes at least six polls of two requests.
        assertThat(baseline.requestsPerPipeline()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void webhookNudgesEndEveryWaitWithAVerifiedDelivery() {
        WebhookFigures w = report.webhook().get(0);

        assertThat(w.correctOutcomes()).isEqualTo(w.pipelines());
        assertThat(w.rejected()).isZero();
        assertThat(w.accepted()).isGreaterThanOrEqualTo(w.pipelines());
        assertThat(w.nudges()).isGreaterThanOrEqualTo(w.pipelines());
        assertThat(w.latencies().count()).isEqualTo(w.pipelines());
        assertThat(w.latencies().anyNegative()).isFalse();
    }

    @Test
    void footprintCountsOneThreadPerBaselineWaitAfterEveryWaitPolledOnce() {
        FootprintFigures baseline = report.footprint(report.baseline(), 10).orElseThrow();
        FootprintFigures ours = report.footprint(report.primary(), 10).orElseThrow();

        assertThat(baseline.peakThreads()).isGreaterThanOrEqualTo(10);
        // Measured once every wait had polled: the baseline's first poll is two requests, then it sleeps 10 s.
        assertThat(baseline.requests()).isGreaterThanOrEqualTo(20);
        assertThat(ours.requests()).isGreaterThanOrEqualTo(10);
        assertThat(ours.peakThreads()).isNotNegative();
        assertThat(ours.heapPerWait()).isNotNegative();
    }

    @Test
    void jmhScoresEveryCall() {
        OverheadFigures o = report.overhead();

        for (OverheadFigures.Score s : List.of(o.client(), o.bare(), o.bareAndJackson())) {
            assertThat(s.median()).isPositive();
            assertThat(s.mean()).isPositive();
        }
        assertThat(o.pathClient()).isPositive();
        assertThat(o.pathBare()).isPositive();
        assertThat(o.pathClientBytes()).isPositive();
        assertThat(o.pathBareBytes()).isPositive();
        assertThat(o.sameCallRatios()).hasSameSizeAs(o.roundRatios()).allMatch(r -> r > 0);
        assertThat(o.paired()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.pairs()).isPositive();
            assertThat(p.client()).isPositive();
            assertThat(p.bareAndJackson()).isPositive();
            assertThat(p.bareOurSettings()).isPositive();
        });
        assertThat(o.ratio()).isEqualTo(OverheadFigures.median(o.pairedRatios()));
    }

    @Test
    void writesTheReportAndAReadableChart() throws Exception {
        String md = Files.readString(out.resolve(BenchMain.MARKDOWN));
        BufferedImage png = ImageIO.read(out.resolve(BenchMain.CHART).toFile());

        assertThat(md).contains("## Machine", "## Against the targets", "## How to read these numbers",
                "(" + BenchMain.CHART + ")", "(" + BenchMain.SCHEDULE_CHART + ")", report.primary(), report.baseline(),
                report.withHistory(), report.withoutHistory(), "## Many waits on one token",
                "## Without history: requests against latency, schedule by schedule");
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isGreaterThan(png.getHeight());
    }
}
