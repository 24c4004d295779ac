package io.jenkins.plugins.circleci.testresults;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.model.PipelineCreation;
import io.jenkins.plugins.circleci.api.model.TestCase;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.TestSpec;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every counted job's test results, passing ones included, read within budget, token masked. */
class TestResultsCollectorAgainstSimulatorTest {
    private static final String TOKEN = "CCIPAT_CollectorToken_0123456789abcdef";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private CircleCiSimulator sim;
    private CircleCiClient client;

    @AfterEach
    void stop() {
        sim.close();
    }

    private Outcome run(UnaryOperator<Scenario.Builder> scenario) {
        return run(scenario, 100);
    }

    private Outcome run(UnaryOperator<Scenario.Builder> scenario, int pageSize) {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null).pageSize(pageSize)
                .scenario(scenario.apply(Scenario.builder()).build()).start();
        client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token(TOKEN).clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(1000, 1000), clock))
                .build();
        PipelineCreation p = client.trigger(TriggerRequest.builder(ProjectSlug.parse("gh/acme/api")).branch("main")
                .build()).pipeline().orElseThrow();
        clock.advance(Duration.ofHours(1));
        List<WorkflowSummary> workflows = client.listWorkflows(p.id()).stream()
                .map(w -> new WorkflowSummary(w.id(), w.name(), w.status().value(), null)).toList();
        sim.journal().clear();
        return new Outcome(BuildResult.FAILURE, OutcomeReason.COMPLETED,
                new PipelineSummary(p.id(), p.number(), "gh/acme/api", "created", null), workflows, List.of(), "");
    }

    @Test
    void readsEveryJobsResultsAndMasksTheTokenInMessages() {
        Outcome outcome = run(s -> s.project("gh/acme/api", p -> p
                .workflow("build", w -> w.job(JobSpec.build("unit", Duration.ofSeconds(5), "failed")
                        .withTestResults(List.of(TestSpec.passed("A", "ok"),
                                TestSpec.failed("A", "leaks", "token was " + TOKEN)))))
                .workflow("lint", w -> w.job(JobSpec.build("lint", Duration.ofSeconds(5), "success").withTests(3))
                        .job("no-tests", Duration.ofSeconds(1)))));
        CollectedTestResults collected = new TestResultsCollector(client, clock).collect(outcome);
        assertThat(collected.warnings()).isEmpty();
        assertThat(collected.jobs()).extracting(JobTestResults::job).containsExactly("unit", "lint");
        assertThat(collected.testCount()).isEqualTo(5);
        assertThat(collected.jobs().get(0).tests()).extracting(TestCase::message).containsExactly(null,
                "token was ****");
        assertThat(JUnitXml.of(collected.jobs().get(0))).doesNotContain(TOKEN);
    }

    @Test
    void staysWithinItsPageBudgetAndWarnsOfTheRest() {
        Outcome outcome = run(s -> s.project("gh/acme/api", p -> p.workflow("build", w -> {
            for (int i = 0; i < 12; i++) {
                w.job(JobSpec.build("j" + i, Duration.ofSeconds(1), "failed").withGeneratedTests(0, 250, 0)
                        .withRequires(List.of()));
            }
            return w;
        }).workflow("more", w -> w.job("x", Duration.ofSeconds(1)))), 10);
        CollectedTestResults collected = new TestResultsCollector(client, clock).collect(outcome);
        assertThat(sim.journal().count("GET", "/tests")).isEqualTo(TestResultsCollector.MAX_PAGES);
        assertThat(collected.jobs()).as("20 pages of 10 each").extracting(JobTestResults::job)
                .containsExactly("j0", "j1", "j2", "j3", "j4", "j5", "j6", "j7", "j8", "j9");
        assertThat(collected.jobs().stream().allMatch(j -> !j.complete() && j.tests().size() == 200)).isTrue();
        assertThat(collected.warnings()).singleElement().asString().contains("Not every job's test results");
    }

    @Test
    void aFailedReadIsAWarning() {
        Outcome outcome = run(s -> s.project("gh/acme/api", p -> p.workflow("build", w -> w.job(
                JobSpec.build("unit", Duration.ofSeconds(5), "failed").withTests(3)))).fault(FaultRule.status(500)
                .on("GET", "/tests$")));
        CollectedTestResults collected = new TestResultsCollector(client, clock).collect(outcome);
        assertThat(collected.jobs()).isEmpty();
        assertThat(collected.warnings()).singleElement().asString().contains("Could not read the test results of "
                + "job unit", "500");
    }
}
