package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectHistory;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Insights endpoints report a project's scripted history, shaped and filtered as the spec says. */
class InsightsTest {

    private static final Instant START = Instant.parse("2026-03-10T15:00:00Z");
    private final ManualClock clock = new ManualClock(START);
    private CircleCiSimulator sim;
    private Http http;

    private static List<Duration> minutes(int... values) {
        List<Duration> out = new ArrayList<>();
        for (int v : values) {
            out.add(Duration.ofMinutes(v));
        }
        return out;
    }

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null).pageSize(2)
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p.history(h -> h
                                .runs("build", "main", minutes(10, 12, 11, 9, 30))
                                .runs("lint", "main", minutes(1, 1))
                                .runs("deploy", "main", minutes(4))
                                .runs(new ProjectHistory.WorkflowHistory("nightly", "main", minutes(50), null,
                                        Duration.ofHours(2), null))
                                .runs("build", "feature", minutes(20, 22))
                                .runs(new ProjectHistory.WorkflowHistory("build", "main", minutes(2), "failed",
                                        Duration.ofDays(3), null))))
                        .project("gh/acme/secret", p -> p.history(h -> h.forbidden()))
                        .project("gh/acme/server", p -> p.history(h -> h.notFound()))
                        .build())
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static JsonNode metricsOf(JsonNode items, String name) {
        return Http.byName(items, name).get("metrics");
    }

    @Test
    void workflowMetricsOfTheDefaultBranchPerWorkflowPaged() {
        Http.Reply first = http.get("/insights/gh/acme/api/workflows");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).extracting(i -> i.get("name").asText()).containsExactly("build", "deploy");
        String token = first.json().get("next_page_token").asText();
        Http.Reply second = http.get("/insights/gh/acme/api/workflows?page-token=" + token);
        assertThat(second.json().get("items")).extracting(i -> i.get("name").asText()).containsExactly("lint");
        assertThat(second.json().get("next_page_token").isNull()).isTrue();

        JsonNode build = metricsOf(first.json().get("items"), "build");
        assertThat(build.get("total_runs").asLong()).isEqualTo(6);
        assertThat(build.get("successful_runs").asLong()).isEqualTo(5);
        assertThat(build.get("failed_runs").asLong()).isEqualTo(1);
        JsonNode d = build.get("duration_metrics");
        // 2, 9, 10, 11, 12, 30 minutes: nearest-rank median 10 min, p95 30 min.
        assertThat(d.get("min").asLong()).isEqualTo(120);
        assertThat(d.get("median").asLong()).isEqualTo(600);
        assertThat(d.get("p95").asLong()).isEqualTo(1800);
        assertThat(d.get("max").asLong()).isEqualTo(1800);
        assertThat(d.get("mean").asLong()).isEqualTo(740);
        assertThat(first.json().get("items").get(0).get("project_id").asText()).hasSize(36);
    }

    @Test
    void branchAndAllBranchesAndReportingWindowSelectTheRuns() {
        JsonNode feature = http.get("/insights/gh/acme/api/workflows?branch=feature").json().get("items");
        assertThat(metricsOf(feature, "build").get("duration_metrics").get("median").asLong()).isEqualTo(1200);
        JsonNode all = http.get("/insights/gh/acme/api/workflows?all-branches=true").json().get("items");
        assertThat(metricsOf(all, "build").get("total_runs").asLong()).isEqualTo(8);
        // Aggregates are as of the last daily refresh (midnight UTC): its last 24 hours hold the builds of yesterday
        // (25 to 29 hours before the start), not the one that failed 3 days ago.
        JsonNode day = http.get("/insights/gh/acme/api/workflows?reporting-window=last-24-hours").json().get("items");
        assertThat(metricsOf(day, "build").get("total_runs").asLong()).isEqualTo(5);
        JsonNode week = http.get("/insights/gh/acme/api/workflows?reporting-window=last-7-days").json().get("items");
        assertThat(metricsOf(week, "build").get("total_runs").asLong()).isEqualTo(6);
        assertThat(http.get("/insights/gh/acme/api/workflows?branch=nope").json().get("items")).isEmpty();
    }

    @Test
    void badQueriesAre400() {
        assertThat(http.get("/insights/gh/acme/api/workflows?reporting-window=last-year").status()).isEqualTo(400);
        assertThat(http.get("/insights/gh/acme/api/workflows?all-branches=true&branch=main").status()).isEqualTo(400);
        assertThat(http.get("/insights/gh/acme/api/workflows/build?end-date=2026-03-01T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(http.get("/insights/gh/acme/api/workflows/build?start-date=yesterday").status()).isEqualTo(400);
        assertThat(http.get("/insights/gh/acme/api/workflows?page-token=bogus").status()).isEqualTo(400);
    }

    @Test
    void aggregatesAreRefreshedDailyWhileRecentRunsAreNot() {
        // The nightly run ended 2 h ago, after the last daily refresh: the runs endpoint lists it, the aggregates not.
        assertThat(http.get("/insights/gh/acme/api/workflows/nightly").json().get("items")).hasSize(1);
        assertThat(http.get("/insights/gh/acme/api/workflows/nightly/summary").json().get("metrics")
                .get("total_runs").asLong()).isZero();
        clock.advance(Duration.ofHours(10));
        assertThat(http.get("/insights/gh/acme/api/workflows/nightly/summary").json().get("metrics")
                .get("total_runs").asLong()).as("after the next midnight").isEqualTo(1);
        Http.Reply runs = http.get("/insights/gh/acme/api/workflows/build?branch=main");
        assertThat(runs.status()).isEqualTo(200);
        JsonNode items = runs.json().get("items");
        assertThat(items).hasSize(2);
        JsonNode newest = items.get(0);
        assertThat(newest.get("duration").asLong()).isEqualTo(600);
        assertThat(newest.get("status").asText()).isEqualTo("success");
        assertThat(newest.get("branch").asText()).isEqualTo("main");
        assertThat(Instant.parse(newest.get("stopped_at").asText())).isEqualTo(START.minus(Duration.ofHours(25)));
        assertThat(Instant.parse(newest.get("created_at").asText()))
                .isEqualTo(START.minus(Duration.ofHours(25)).minus(Duration.ofMinutes(10)));
        assertThat(newest.get("is_approval").asBoolean()).isFalse();
        assertThat(newest.get("credits_used").asLong()).isEqualTo(100);
        Http.Reply window = http.get("/insights/gh/acme/api/workflows/build?start-date="
                + START.minus(Duration.ofHours(27)) + "&end-date=" + START);
        assertThat(window.json().get("items")).extracting(i -> i.get("duration").asLong())
                .containsExactly(600L, 720L);
    }

    @Test
    void summaryOfOneWorkflowWithTrendsAndEveryWorkflowName() {
        Http.Reply summary = http.get("/insights/gh/acme/api/workflows/build/summary");
        assertThat(summary.status()).isEqualTo(200);
        JsonNode m = summary.json().get("metrics");
        assertThat(m.get("total_runs").asLong()).isEqualTo(6);
        assertThat(m.get("completed_runs").asLong()).isEqualTo(6);
        assertThat(m.get("duration_metrics").get("median").asLong()).isEqualTo(600);
        assertThat(summary.json().get("trends").get("median_duration_secs").isNumber()).isTrue();
        assertThat(summary.json().get("workflow_names")).extracting(JsonNode::asText)
                .containsExactly("build", "deploy", "lint", "nightly");
        JsonNode unknown = http.get("/insights/gh/acme/api/workflows/nightly/summary").json().get("metrics");
        assertThat(unknown.get("total_runs").asLong()).isZero();
        assertThat(unknown.get("duration_metrics").get("median").isNull()).isTrue();
    }

    @Test
    void anEncodedSlugAndAnEncodedWorkflowNameWork() {
        assertThat(http.get("/insights/gh%2Facme%2Fapi/workflows").json().get("items")).isNotEmpty();
        assertThat(http.get("/insights/gh/acme/api/workflows/build%20and%20test/summary").status()).isEqualTo(200);
    }

    @Test
    void refusalsAndMissingProjectsAndTokens() {
        assertThat(http.get("/insights/gh/acme/secret/workflows").status()).isEqualTo(403);
        assertThat(http.get("/insights/gh/acme/server/workflows").status()).isEqualTo(404);
        assertThat(http.get("/insights/gh/acme/server/workflows/build/summary").status()).isEqualTo(404);
        Http.Reply noToken = http.send("GET", "/insights/gh/acme/api/workflows", null, Map.of());
        assertThat(noToken.status()).isEqualTo(404);
        assertThat(noToken.message()).isEqualTo("Project not found");
        assertThat(http.get("/insights/gh/acme/api/branches").status()).isEqualTo(404);
        assertThat(sim.journal().countsByRoute()).containsEntry("GET /insights/{project-slug}/workflows", 3L)
                .containsEntry("GET /insights/{project-slug}/workflows/{workflow-name}/summary", 1L);
    }

    @Test
    void aProjectWithoutHistoryHasNoMetrics() {
        Http.Reply reply = http.get("/insights/gh/someone/else/workflows");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("items")).isEmpty();
    }
}
