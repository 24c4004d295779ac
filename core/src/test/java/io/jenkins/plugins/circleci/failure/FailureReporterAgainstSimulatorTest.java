package io.jenkins.plugins.circleci.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.model.PipelineCreation;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.StepSpec;
import io.jenkins.plugins.circleci.simulator.scenario.TestSpec;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The failure report end to end: the real client over HTTP against the simulator. It names failed jobs and tests,
 * shows the failing step's last lines when asked, stays bounded however much failed, and turns every read that fails
 * into one warning line.
 */
class FailureReporterAgainstSimulatorTest {
    static final String TOKEN = "CCIPAT_SimulatedToken_4f1c9a2b7e5d3c8a";
    static final String SLUG = "gh/acme/api";
    static final String RUN_OUTPUT = "\u001b[1mRunning 4 tests\u001b[0m\r\n"
            + "x".repeat(30) + "\r\n".repeat(1)
            + "export CIRCLE_TOKEN=" + TOKEN + "\r\n"
            + "Downloading 10%\r50%\r100%\r\n"
            + "\u001b[31mCartTest > addsItem FAILED\u001b[0m\r\n"
            + "    org.opentest4j.AssertionFailedError: expected: <3> but was: <2>\r\n"
            + "\u001b[31mCartTest > removesItem FAILED\u001b[0m\r\n"
            + "    java.lang.NullPointerException: cart\r\n"
            + "4 tests completed, 2 failed\r\n";
    static final List<TestSpec> TWO_FAILED = List.of(
            TestSpec.passed("com.acme.CartTest", "total"),
            TestSpec.failed("com.acme.CartTest", "addsItem", "expected: <3> but was: <2>")
                    .inFile("src/test/java/com/acme/CartTest.java"),
            TestSpec.failed("com.acme.CartTest", "removesItem",
                    "java.lang.NullPointerException: cart\n\tat com.acme.Cart.remove(Cart.java:12)\n\tat x\n\tat y"),
            TestSpec.skipped("com.acme.CartTest", "later"));
    static final List<StepSpec> STEPS = List.of(StepSpec.of("Checkout code", "Cloning\r\n"),
            StepSpec.failing("Run tests", RUN_OUTPUT));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private CircleCiSimulator sim;
    private CircleCiClient client;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(UnaryOperator<Scenario.Builder> scenario) {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null).pageSize(50)
                .scenario(scenario.apply(Scenario.builder()).build()).start();
        client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token(TOKEN).clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(1000, 1000), clock))
                .build();
    }

    private static UnaryOperator<Scenario.Builder> failingJob(JobSpec job) {
        return s -> s.project(SLUG, p -> p.workflow("build", w -> w.job(job)));
    }

    private static JobSpec testJob() {
        return JobSpec.build("test", Duration.ofSeconds(32), "failed").withTestResults(TWO_FAILED).withSteps(STEPS);
    }

    /** Triggers, lets the pipeline finish and returns the outcome a wait would have ended with. */
    private Outcome finishedOutcome() {
        PipelineCreation created = client.trigger(TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main")
                .build()).pipeline().orElseThrow();
        clock.advance(Duration.ofHours(1));
        assertThat(sim.completedAt(created.id())).isPresent();
        List<WorkflowSummary> workflows = client.listWorkflows(created.id()).stream()
                .map(w -> new WorkflowSummary(w.id(), w.name(), w.status().value(), "url", w.createdAt(),
                        w.stoppedAt())).toList();
        boolean failed = client.listWorkflows(created.id()).stream().map(Workflow::status)
                .anyMatch(s -> !s.value().equals("success"));
        return new Outcome(failed ? BuildResult.FAILURE : BuildResult.SUCCESS, OutcomeReason.COMPLETED,
                new PipelineSummary(created.id(), created.number(), SLUG, "created", "url"), workflows, List.of(),
                "Workflows finished.");
    }

    private FailureReport report(Outcome outcome, FailureLimits limits) {
        sim.journal().clear();
        return new FailureReporter(client, clock).report(outcome, limits);
    }

    private static void assertNoTokenIn(FailureReport report) {
        assertThat(FailureReportText.lines(report, u -> u)).noneMatch(l -> l.contains(TOKEN));
        assertThat(FailureView.failedJobs(report).toString()).doesNotContain(TOKEN);
        assertThat(report.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aJobFailingOnTwoTestsShowsBothWithMessagesAndTheStepsLastLinesInUnder30Lines() {
        start(failingJob(testJob()));
        Outcome outcome = finishedOutcome();
        FailureReport report = report(outcome, FailureLimits.defaults().withLogTail(10));

        assertThat(report.warnings()).isEmpty();
        FailedJob job = report.jobs().get(0);
        assertThat(job.name()).isEqualTo("test");
        assertThat(job.status()).isEqualTo("failed");
        assertThat(job.duration()).isEqualTo(Duration.ofSeconds(32));
        assertThat(job.url()).startsWith(sim.baseUrl() + "/pipelines/github/acme/api/1/workflows/")
                .endsWith("/jobs/" + job.number());
        assertThat(job.tests()).extracting(FailedTest::fullName)
                .containsExactly("com.acme.CartTest.addsItem", "com.acme.CartTest.removesItem");
        assertThat(job.tests().get(1).message()).as("the first 3 lines")
                .containsExactly("java.lang.NullPointerException: cart", "at com.acme.Cart.remove(Cart.java:12)",
                        "at x");
        assertThat(job.testsComplete()).isTrue();
        assertThat(job.logStep()).isEqualTo("Run tests");
        assertThat(job.logTail()).as("ANSI gone, \\r applied, token masked, last 10 lines").containsExactly(
                "x".repeat(30), "export CIRCLE_TOKEN=****", "100%", "CartTest > addsItem FAILED",
                "    org.opentest4j.AssertionFailedError: expected: <3> but was: <2>",
                "CartTest > removesItem FAILED", "    java.lang.NullPointerException: cart",
                "4 tests completed, 2 failed", "", "Exited with code exit status 1");

        List<String> lines = FailureReportText.lines(report, u -> u);
        assertThat(lines).hasSizeLessThan(30);
        assertThat(String.join("\n", lines)).contains(
                "Failed job test (#" + job.number() + ") of workflow build: failed after 32s " + job.url(),
                "  2 failed tests:",
                "    - com.acme.CartTest.addsItem (src/test/java/com/acme/CartTest.java)",
                "        expected: <3> but was: <2>",
                "    - com.acme.CartTest.removesItem",
                "        java.lang.NullPointerException: cart",
                "  Last 10 lines of step \"Run tests\":",
                "    | Exited with code exit status 1");
        assertNoTokenIn(report);
        List<JournalEntry> output = sim.journal().requests("GET", "^/action-output/");
        assertThat(output).hasSize(1);
        assertThat(output.get(0).headers()).doesNotContainKeys("circle-token", "authorization");
    }

    @Test
    void withoutLogTailNoStepIsRead() {
        start(failingJob(testJob()));
        FailureReport report = report(finishedOutcome(), FailureLimits.defaults());
        assertThat(report.jobs().get(0).logStep()).isNull();
        assertThat(report.jobs().get(0).logTail()).isEmpty();
        assertThat(sim.journal().count("GET", "/api/v1.1/")).isZero();
        assertThat(sim.journal().count("GET", "/action-output/")).isZero();
        assertThat(FailureReportText.lines(report, u -> u)).noneMatch(l -> l.contains("Last"));
    }

    @Test
    void fiveThousandFailedTestsCostABoundedNumberOfRequestsAndPrintABoundedSummary() {
        start(failingJob(JobSpec.build("test", Duration.ofSeconds(30), "failed").withGeneratedTests(10, 5000, 0)));
        Outcome outcome = finishedOutcome();
        FailureLimits limits = FailureLimits.defaults().withLogTail(5);
        FailureReport report = report(outcome, limits);

        FailedJob job = report.jobs().get(0);
        assertThat(job.tests()).hasSize(10);
        assertThat(job.testsComplete()).isFalse();
        assertThat(job.failedTestsRead()).as("5 pages of 50").isEqualTo(240);
        assertThat(sim.journal().count("GET", "/tests")).isEqualTo(limits.testPagesPerJob());
        assertThat(sim.journal().total()).isLessThanOrEqualTo(limits.maxRequests());
        List<String> lines = FailureReportText.lines(report, u -> u);
        assertThat(lines).hasSizeLessThan(40).contains("  240 failed tests in the first test results read:",
                "    … and 230 more; more results were not read, see the job's page");
        assertNoTokenIn(report);
    }

    @Test
    void manyFailedJobsShareOneBudget() {
        start(s -> s.project(SLUG, p -> {
            for (int i = 0; i < 3; i++) {
                int n = i;
                p.workflow("wf" + n, w -> {
                    for (int j = 0; j < 6; j++) {
                        w.job(JobSpec.build("job" + n + "-" + j, Duration.ofSeconds(5), "failed")
                                .withGeneratedTests(0, 5000, 0).withRequires(List.of()));
                    }
                    return w;
                });
            }
            return p;
        }));
        FailureLimits limits = FailureLimits.defaults().withLogTail(3);
        FailureReport report = report(finishedOutcome(), limits);
        assertThat(report.jobs()).hasSize(limits.jobs());
        assertThat(report.moreJobs()).isEqualTo(18 - limits.jobs());
        assertThat(sim.journal().count("GET", "/tests")).isEqualTo(limits.testPages());
        assertThat(sim.journal().count("GET", "/api/v1.1/")).isEqualTo(limits.logJobs());
        assertThat(sim.journal().total()).isLessThanOrEqualTo(limits.maxRequests());
        assertThat(FailureReportText.lines(report, u -> u)).contains("… and 8 more failed jobs, not looked at.");
    }

    @Test
    void aMissingTestsEndpointIsOneWarningAndTheRestStillReads() {
        start(s -> failingJob(testJob()).apply(s).fault(FaultRule.status(404).on("GET", "/tests$")));
        FailureReport report = report(finishedOutcome(), FailureLimits.defaults().withLogTail(3));
        assertThat(report.warnings()).singleElement().asString()
                .startsWith("Could not read the test results of job test (#")
                .contains("404");
        assertThat(report.jobs().get(0).tests()).isEmpty();
        assertThat(report.jobs().get(0).logTail()).isNotEmpty();
        assertThat(FailureReportText.lines(report, u -> u)).filteredOn(l -> l.startsWith("WARNING: ")).hasSize(1);
    }

    @Test
    void aServerErrorIsOneWarning() {
        start(s -> failingJob(testJob()).apply(s).fault(FaultRule.status(500).on("GET", "/tests$")));
        FailureReport report = report(finishedOutcome(), FailureLimits.defaults());
        assertThat(report.warnings()).singleElement().asString().contains("500");
        assertThat(report.jobs()).hasSize(1);
    }

    @Test
    void anExpiredOutputLinkIsOneWarningWithoutTheLinksSignature() {
        start(failingJob(testJob().withOutputUrlTtl(Duration.ZERO)));
        FailureReport report = report(finishedOutcome(), FailureLimits.defaults().withLogTail(10));
        assertThat(report.warnings()).singleElement().asString()
                .contains("Could not read the output of job test", "403 (AccessDenied: Request has expired)")
                .doesNotContain("Signature", "Expires", "action-output");
        assertThat(report.jobs().get(0).tests()).hasSize(2);
        assertNoTokenIn(report);
    }

    @Test
    void gzipOutputWithOrWithoutContentEncodingReadsTheSame() {
        for (String encoding : List.of("gzip", "gzip-body", "identity")) {
            start(failingJob(testJob().withOutputEncoding(encoding)));
            FailureReport report = report(finishedOutcome(), FailureLimits.defaults().withLogTail(2));
            assertThat(report.jobs().get(0).logTail()).as(encoding)
                    .containsExactly("", "Exited with code exit status 1");
            sim.close();
        }
        sim = null;
    }

    @Test
    void aFailedV11ReadIsOneWarning() {
        start(s -> failingJob(testJob()).apply(s).fault(FaultRule.status(503).on("GET", "^/api/v1.1/")));
        FailureReport report = report(finishedOutcome(), FailureLimits.defaults().withLogTail(10));
        assertThat(report.warnings()).singleElement().asString().contains("Could not read the output", "503");
    }

    @Test
    void aSucceededOrUnjudgedPipelineReadsNothing() {
        start(s -> s.project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(3)))));
        Outcome success = finishedOutcome();
        assertThat(success.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(report(success, FailureLimits.defaults().withLogTail(10))).isEqualTo(FailureReport.NONE);
        Outcome unjudged = new Outcome(null, OutcomeReason.NOT_WAITED, success.pipeline(), List.of(), List.of(), "");
        assertThat(report(unjudged, FailureLimits.defaults())).isEqualTo(FailureReport.NONE);
        assertThat(sim.journal().total()).isZero();
    }

    @Test
    void readingStopsWhenTheTimeBudgetIsSpent() {
        start(failingJob(testJob()));
        Outcome outcome = finishedOutcome();
        // Each look at this clock is a minute later: the 2-minute budget is spent after the job list.
        Clock racing = new Clock() {
            private Instant now = Instant.parse("2026-03-02T10:00:00Z");

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plus(Duration.ofMinutes(1));
                return now;
            }
        };
        sim.journal().clear();
        FailureReport report = new FailureReporter(client, racing).report(outcome, FailureLimits.defaults()
                .withLogTail(5));
        assertThat(report.warnings()).contains("Stopped reading why the pipeline failed after 120 s.");
        assertThat(sim.journal().total()).isLessThan(3);
    }

    @Test
    void theViewCarriesTestsAndTheLogTailForScripts() {
        start(failingJob(testJob()));
        FailureReport report = report(finishedOutcome(), FailureLimits.defaults().withLogTail(2));
        Map<String, Object> job = FailureView.failedJobs(report).get(0);
        assertThat(job).containsEntry("workflow", "build").containsEntry("name", "test")
                .containsEntry("status", "failed").containsEntry("durationSeconds", 32L)
                .containsEntry("failedTests", 2).containsEntry("testsComplete", true)
                .containsEntry("logStep", "Run tests").containsEntry("logTail", "\nExited with code exit status 1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tests = (List<Map<String, Object>>) job.get("tests");
        assertThat(tests.get(0)).containsEntry("classname", "com.acme.CartTest").containsEntry("name", "addsItem")
                .containsEntry("file", "src/test/java/com/acme/CartTest.java")
                .containsEntry("message", "expected: <3> but was: <2>");
    }
}
