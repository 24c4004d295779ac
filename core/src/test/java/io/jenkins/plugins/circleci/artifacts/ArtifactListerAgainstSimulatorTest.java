package io.jenkins.plugins.circleci.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.model.PipelineCreation;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
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

/**
 * Listing artifacts end to end: the real client over HTTP against the simulator. Every finished build job of the
 * counted workflows is asked once (approval jobs and unfinished jobs never), every page up to a bound, and whatever
 * cannot be listed is a warning line; the token shows nowhere.
 */
class ArtifactListerAgainstSimulatorTest {
    private static final String TOKEN = "CCIPAT_ArtifactsToken_0a1b2c3d4e5f";
    private static final String SLUG = "gh/acme/api";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private CircleCiSimulator sim;
    private CircleCiClient client;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(int pageSize, UnaryOperator<Scenario.Builder> scenario) {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null).pageSize(pageSize)
                .scenario(scenario.apply(Scenario.builder()).build()).start();
        client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token(TOKEN).clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(1000, 1000), clock))
                .build();
    }

    /** Triggers, lets the pipeline run for {@code after}, and returns the outcome a wait would have ended with. */
    private Outcome outcomeAfter(Duration after, BuildResult result) {
        PipelineCreation created = client.trigger(TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main")
                .build()).pipeline().orElseThrow();
        clock.advance(after);
        List<WorkflowSummary> workflows = client.listWorkflows(created.id()).stream()
                .map(w -> new WorkflowSummary(w.id(), w.name(), w.status().value(), "url")).toList();
        sim.journal().clear();
        return new Outcome(result, OutcomeReason.COMPLETED,
                new PipelineSummary(created.id(), created.number(), SLUG, "created", "url"), workflows, List.of(),
                "Workflows finished.");
    }

    private CollectedArtifacts list(Outcome outcome) {
        return new ArtifactLister(client, clock).list(outcome);
    }

    private static void assertNoTokenIn(CollectedArtifacts collected) {
        assertThat(ArtifactsText.lines(collected, u -> u)).noneMatch(l -> l.contains(TOKEN));
        assertThat(ArtifactsView.artifacts(collected).toString()).doesNotContain(TOKEN);
        assertThat(collected.toString()).doesNotContain(TOKEN);
    }

    @Test
    void everyFinishedBuildJobIsAskedOnceAndApprovalJobsNever() {
        start(2, s -> s.project(SLUG, p -> p
                .workflow("build", w -> w.job(JobSpec.build("compile", Duration.ofSeconds(5), "success")
                        .withArtifacts(3)).job(JobSpec.build("test", Duration.ofSeconds(5), "failed").withArtifacts(1)))
                .workflow("deploy", w -> w.approval("hold")
                        .job(JobSpec.build("ship", Duration.ofSeconds(5), "success").withArtifacts(2)))));
        Outcome outcome = outcomeAfter(Duration.ofMinutes(5), BuildResult.FAILURE);

        CollectedArtifacts collected = list(outcome);

        assertThat(collected.warnings()).isEmpty();
        assertThat(collected.complete()).isTrue();
        assertThat(collected.jobs()).isEqualTo(2);
        assertThat(collected.artifacts()).extracting(ListedArtifact::job, ListedArtifact::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("compile", "artifacts/compile/file-1.txt"),
                org.assertj.core.groups.Tuple.tuple("compile", "artifacts/compile/file-2.txt"),
                org.assertj.core.groups.Tuple.tuple("compile", "artifacts/compile/file-3.txt"),
                org.assertj.core.groups.Tuple.tuple("test", "artifacts/test/file-1.txt"));
        assertThat(collected.artifacts()).allMatch(a -> a.workflow().equals("build") && a.nodeIndex() == 0
                && a.url().startsWith(sim.baseUrl() + "/artifacts/") && a.jobNumber() > 0);
        assertThat(sim.journal().count("GET", "/artifacts$")).as("3 artifacts at 2 a page: 2 pages, then 1")
                .isEqualTo(3);
        assertThat(sim.journal().requests("GET", "/artifacts").stream().allMatch(e -> e.status() == 200)).isTrue();
        assertNoTokenIn(collected);
        assertThat(ArtifactsText.lines(collected, u -> "<" + u + ">")).startsWith(
                "CircleCI artifacts: 4 listed from 2 finished jobs:");
    }

    @Test
    void approvedApprovalJobsAreSkippedToo() {
        start(20, s -> s.project(SLUG, p -> p.workflow("deploy", w -> w.approval("hold")
                .job(JobSpec.build("ship", Duration.ofSeconds(5), "success").withArtifacts(1)))));
        PipelineCreation created = client.trigger(TriggerRequest.builder(ProjectSlug.parse(SLUG)).build())
                .pipeline().orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        assertThat(sim.approveHeld(created.id())).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        List<WorkflowSummary> workflows = client.listWorkflows(created.id()).stream()
                .map(w -> new WorkflowSummary(w.id(), w.name(), w.status().value(), "url")).toList();
        sim.journal().clear();

        CollectedArtifacts collected = list(new Outcome(BuildResult.SUCCESS, OutcomeReason.COMPLETED,
                new PipelineSummary(created.id(), created.number(), SLUG, "created", "url"), workflows, List.of(),
                "done"));

        assertThat(collected.artifacts()).extracting(ListedArtifact::job).containsExactly("ship");
        assertThat(sim.journal().requests("GET", "/artifacts$")).hasSize(1).allMatch(e -> e.status() == 200);
    }

    @Test
    void aJobWithManyArtifactsIsReadForABoundedNumberOfPages() {
        start(2, s -> s.project(SLUG, p -> p.workflow("build", w -> w.job(
                JobSpec.build("docs", Duration.ofSeconds(5), "success").withArtifacts(25)))));
        CollectedArtifacts collected = list(outcomeAfter(Duration.ofMinutes(5), BuildResult.SUCCESS));

        assertThat(collected.artifacts()).hasSize(2 * ArtifactLister.PAGES_PER_JOB);
        assertThat(sim.journal().count("GET", "/artifacts")).isEqualTo(ArtifactLister.PAGES_PER_JOB);
        assertThat(collected.complete()).isFalse();
        assertThat(collected.warnings()).containsExactly("Only the first 5 pages of the artifacts of job docs (#"
                + collected.artifacts().get(0).jobNumber() + ") were listed.");
        assertThat(ArtifactsText.lines(collected, u -> u)).last().asString().startsWith("WARNING: Only the first 5");
    }

    @Test
    void manyJobsStopAtTheJobBoundWithAWarning() {
        start(50, s -> s.project(SLUG, p -> p.workflow("wide", w -> {
            for (int i = 0; i < ArtifactLister.MAX_JOBS + 10; i++) {
                w.job(JobSpec.build("job" + i, Duration.ofSeconds(5), "success").withArtifacts(1)
                        .withRequires(List.of()));
            }
            return w;
        })));
        CollectedArtifacts collected = list(outcomeAfter(Duration.ofMinutes(5), BuildResult.SUCCESS));

        assertThat(collected.jobs()).isEqualTo(ArtifactLister.MAX_JOBS);
        assertThat(collected.artifacts()).hasSize(ArtifactLister.MAX_JOBS);
        assertThat(sim.journal().count("GET", "/artifacts")).isEqualTo(ArtifactLister.MAX_JOBS);
        assertThat(collected.warnings()).singleElement().asString().contains("at most 50 jobs");
        List<String> lines = ArtifactsText.lines(collected, u -> u);
        assertThat(lines).hasSize(1 + ArtifactsText.SHOWN + 1 + 1)
                .contains("  … and 30 more (all of them are in the returned 'artifacts').");
    }

    @Test
    void unfinishedJobsAreNotAsked() {
        start(20, s -> s.project(SLUG, p -> p.workflow("build", w -> w
                .job(JobSpec.build("quick", Duration.ofSeconds(5), "success").withArtifacts(1))
                .job(JobSpec.build("slow", Duration.ofHours(2), "success").withArtifacts(1)))));
        CollectedArtifacts collected = list(outcomeAfter(Duration.ofMinutes(1), BuildResult.FAILURE));

        assertThat(collected.artifacts()).extracting(ListedArtifact::job).containsExactly("quick");
        assertThat(sim.journal().count("GET", "/artifacts")).isEqualTo(1);
    }

    @Test
    void aListThatFailsIsAWarningAndTheOthersAreStillListed() {
        start(20, s -> s.project(SLUG, p -> p
                .workflow("a", w -> w.job(JobSpec.build("one", Duration.ofSeconds(5), "success").withArtifacts(1)))
                .workflow("b", w -> w.job(JobSpec.build("two", Duration.ofSeconds(5), "success").withArtifacts(1))))
                .fault(FaultRule.status(404).first(1).on("GET", "/[0-9]+/artifacts$")));
        CollectedArtifacts collected = list(outcomeAfter(Duration.ofMinutes(5), BuildResult.SUCCESS));

        assertThat(collected.artifacts()).hasSize(1);
        assertThat(collected.warnings()).singleElement().asString().startsWith("Could not list the artifacts of job ");
        assertNoTokenIn(collected);
    }

    @Test
    void nothingIsAskedWithoutAPipelineOrWorkflows() {
        start(20, s -> s);
        Outcome noPipeline = new Outcome(null, OutcomeReason.NOT_WAITED, null, List.of(), List.of(), "not waited");
        assertThat(list(noPipeline)).isEqualTo(CollectedArtifacts.NONE);
        assertThat(sim.journal().total()).isZero();
    }
}
