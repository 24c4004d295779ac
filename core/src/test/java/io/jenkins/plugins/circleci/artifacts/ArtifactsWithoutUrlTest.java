package io.jenkins.plugins.circleci.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * An artifact that a server lists without its {@code url} (the spec requires one; the simulator always sends it, so
 * this is a hand-written answer): left out with one warning, so that no console link and no returned entry meets a
 * null, and the others are still listed.
 */
class ArtifactsWithoutUrlTest {
    private static final String WORKFLOW_ID = "fda08377-fe7e-46b1-8992-3a7aaecac9c3";
    private static final String PIPELINE_ID = "5034460f-c7c4-4c43-9457-de07e2029e7b";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private CollectedArtifacts listWith(String artifactItems) {
        server.enqueue(json("""
                {"items": [{"id": "e1b2c3d4-0000-4000-8000-000000000001", "name": "test", "type": "build",
                 "status": "success", "job_number": 7, "started_at": "2026-01-15T09:59:00Z",
                 "stopped_at": "2026-01-15T10:00:00Z", "project_slug": "gh/acme/api", "dependencies": []}],
                 "next_page_token": null}"""));
        server.enqueue(json("{\"items\": [" + artifactItems + "], \"next_page_token\": null}"));
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
        CircleCiClient client = CircleCiClient.builder().baseUrl(server.url("/").toString())
                .token("CCIPAT_NoUrlToken_0a1b2c3d4e5f").clock(clock).retryPolicy(RetryPolicy.none())
                .budget(RequestBudget.create(new RateLimit(1000, 1000), clock)).build();
        Outcome outcome = new Outcome(BuildResult.SUCCESS, OutcomeReason.COMPLETED,
                new PipelineSummary(PIPELINE_ID, 12, "gh/acme/api", "created", "url"),
                List.of(new WorkflowSummary(WORKFLOW_ID, "build", "success", "url")), List.of(), "done");
        return new ArtifactLister(client, clock).list(outcome);
    }

    @Test
    void anArtifactWithoutAUrlIsLeftOutWithAWarningAndTheOthersAreListed() {
        CollectedArtifacts collected = listWith("""
                {"path": "reports/no-url.json", "node_index": 0, "url": null},
                {"path": "reports/coverage.json", "node_index": 0,
                 "url": "https://7-123-gh.circle-artifacts.com/0/reports/coverage.json"},
                {"path": "reports/blank-url.json", "node_index": 1, "url": " "}""");

        assertThat(collected.artifacts()).extracting(ListedArtifact::path).containsExactly("reports/coverage.json");
        assertThat(collected.artifacts()).allMatch(a -> a.url() != null);
        assertThat(collected.warnings()).containsExactly("2 artifacts were listed without a download URL and are "
                + "left out, the first: reports/no-url.json of job test (#7).");
        List<String> lines = ArtifactsText.lines(collected, url -> Objects.requireNonNull(url, "url") + "!");
        assertThat(lines).contains("  build/test (#7): reports/coverage.json "
                + "https://7-123-gh.circle-artifacts.com/0/reports/coverage.json!");
        assertThat(ArtifactsView.artifacts(collected)).hasSize(1);
    }

    @Test
    void oneArtifactWithoutAUrlSaysWhichOne() {
        CollectedArtifacts collected = listWith("""
                {"path": "only.txt", "node_index": 0}""");

        assertThat(collected.artifacts()).isEmpty();
        assertThat(collected.warnings()).containsExactly(
                "1 artifact was listed without a download URL and is left out: only.txt of job test (#7).");
        assertThat(ArtifactsText.lines(collected, url -> Objects.requireNonNull(url, "url"))).containsExactly(
                "CircleCI artifacts: 0 listed from 1 finished job.",
                "WARNING: 1 artifact was listed without a download URL and is left out: only.txt of job test (#7).");
    }

    @Test
    void anArtifactBuiltWithoutAUrlStillPrintsUnlinked() {
        CollectedArtifacts collected = new CollectedArtifacts(List.of(
                new ListedArtifact("build", "test", 7, "a.txt", null, 0)), 1, List.of());

        assertThat(ArtifactsText.lines(collected, url -> Objects.requireNonNull(url, "url")))
                .contains("  build/test (#7): a.txt");
    }
}
