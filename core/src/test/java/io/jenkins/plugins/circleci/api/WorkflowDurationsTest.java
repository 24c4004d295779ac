package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.TOKEN;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** {@code GET /insights/{project-slug}/workflows}, read for the workflows' median and p95 durations only. */
class WorkflowDurationsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);

    private static String item(String name, String median, String p95) {
        return """
                {"name": "%s", "project_id": "0b1c1e1a-4d5e-4f60-8a9b-0c1d2e3f4a5b",
                 "window_start": "2026-01-01T00:00:00Z", "window_end": "2026-01-14T00:00:00Z",
                 "metrics": {"total_runs": 12, "successful_runs": 11, "mttr": null, "total_credits_used": 900,
                   "failed_runs": 1, "success_rate": 0.92, "total_recoveries": 1, "throughput": 0.4,
                   "duration_metrics": {"min": 500, "mean": 610, "median": %s, "p95": %s, "max": 900,
                     "standard_deviation": 40.5}}}""".formatted(name, median, p95);
    }

    @Test
    void oneRequestPerBranchForEveryWorkflowFollowingPagesAndSkippingThoseWithoutRuns() throws Exception {
        server.enqueue(json(200, "{\"items\": [" + item("build", "600", "640") + ", " + item("lint", "null", "null")
                + "], \"next_page_token\": \"p2\"}"));
        server.enqueue(json(200, "{\"items\": [" + item("deploy", "61", "59") + "], \"next_page_token\": null}"));

        var durations = fixture.client().workflowDurations(ProjectSlug.parse("gh/acme/rocket"), "feature/x y");

        assertThat(durations).containsExactly(
                new WorkflowDuration("build", Duration.ofSeconds(600), Duration.ofSeconds(640)),
                new WorkflowDuration("deploy", Duration.ofSeconds(61), Duration.ofSeconds(61)));
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v2/insights/gh/acme/rocket/workflows");
        assertThat(first.getUrl().queryParameter("branch")).isEqualTo("feature/x y");
        assertThat(first.getUrl().queryParameter("reporting-window")).isEqualTo("last-30-days");
        assertThat(first.getUrl().queryParameter("all-branches")).isNull();
        assertThat(first.getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
        assertThat(server.takeRequest().getUrl().queryParameter("page-token")).isEqualTo("p2");
    }

    @Test
    void withoutABranchEveryBranchCounts() throws Exception {
        server.enqueue(json(200, "{\"items\": [], \"next_page_token\": null}"));
        assertThat(fixture.client().workflowDurations(ProjectSlug.parse("circleci/org/proj"), null)).isEmpty();
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().queryParameter("all-branches")).isEqualTo("true");
        assertThat(sent.getUrl().queryParameter("branch")).isNull();
    }

    @Test
    void aRefusalIsTheClientsUsualErrorWithoutTheToken() {
        server.enqueue(json(403, "{\"message\": \"Forbidden\"}"));
        server.enqueue(json(404, "{\"message\": \"Not found\"}"));
        CircleCiClient client = fixture.client().withRetryPolicy(RetryPolicy.none());
        ProjectSlug slug = ProjectSlug.parse("gh/acme/rocket");

        assertThatThrownBy(() -> client.workflowDurations(slug, "main")).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("/insights/gh/acme/rocket/workflows").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> client.workflowDurations(slug, "main")).isInstanceOf(NotFoundException.class);
    }
}
