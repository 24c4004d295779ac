package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectHistory;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Insights answers and the rate limiter's 429, validated against CircleCI's OpenAPI spec as {@link ContractTest}
 * validates the rest (with {@code x-nullable} read as OpenAPI 3's {@code nullable}: Insights' metrics are null when a
 * workflow has no runs).
 */
class InsightsContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> PATHS = Set.of("/insights/{project-slug}/workflows",
            "/insights/{project-slug}/workflows/{workflow-name}",
            "/insights/{project-slug}/workflows/{workflow-name}/summary", "/me");
    private static final SpecLocation SPEC = SpecLocation.find(System.getenv(), System.getProperties(),
            Path.of(System.getProperty("user.dir")));

    private static OpenApiInteractionValidator validator;
    private static CircleCiSimulator sim;
    private static Http http;

    @BeforeAll
    static void loadSpecAndStart() throws IOException {
        SPEC.problem().ifPresent(problem -> {
            throw new AssertionError(problem + " " + SPEC.describe());
        });
        Optional<Path> spec = SPEC.spec();
        if (spec.isEmpty()) {
            return;
        }
        ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(spec.get()));
        ((ObjectNode) root.get("paths")).retain(PATHS);
        assertThat(root.get("paths").size()).isEqualTo(PATHS.size());
        markXNullableAsNullable(root);
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(MAPPER.writeValueAsString(root))
                .build();
        List<Duration> durations = List.of(Duration.ofMinutes(10), Duration.ofMinutes(11), Duration.ofSeconds(590));
        sim = CircleCiSimulator.builder().clock(new ManualClock()).webhookPollInterval(null).pageSize(1)
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p.history(h -> h.runs("build", "main", durations)
                                .runs("lint", "main", durations)
                                .runs(new ProjectHistory.WorkflowHistory("build", "main", List.of(Duration.ofMinutes(3)),
                                        "failed", Duration.ofDays(2), null))))
                        .project("gh/acme/secret", p -> p.history(h -> h.forbidden()))
                        .rateLimit(40, Duration.ofMinutes(1))
                        .build())
                .start();
        http = new Http(sim);
    }

    @BeforeEach
    void skipWithoutSpec() {
        Assumptions.assumeTrue(SPEC.spec().isPresent(), () -> "CircleCI's OpenAPI spec not found: contract test "
                + "skipped. " + SPEC.describe());
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static void markXNullableAsNullable(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.path("x-nullable").asBoolean(false)) {
                o.put("nullable", true);
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                markXNullableAsNullable(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(InsightsContractTest::markXNullableAsNullable);
        }
    }

    private static void assertValid(String specPath, Http.Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        String contentType = reply.headers().get("Content-Type");
        if (contentType != null) {
            response.withContentType(contentType);
        }
        ValidationReport report = validator.validateResponse("/api/v2" + specPath, Request.Method.GET,
                response.build());
        List<String> errors = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
        assertThat(errors).as(specPath + " -> " + reply.status() + " " + reply.body()).isEmpty();
    }

    private static final String SLUG = "gh%2Facme%2Fapi";

    @Test
    void workflowMetricsPages() {
        Http.Reply first = http.get("/insights/gh/acme/api/workflows?branch=main&reporting-window=last-30-days");
        assertThat(first.json().get("next_page_token").isTextual()).isTrue();
        assertValid("/insights/" + SLUG + "/workflows", first);
        Http.Reply second = http.get("/insights/gh/acme/api/workflows?page-token="
                + first.json().get("next_page_token").asText());
        assertValid("/insights/" + SLUG + "/workflows", second);
    }

    @Test
    void summaryWithRunsAndWithoutAny() {
        Http.Reply summary = http.get("/insights/gh/acme/api/workflows/build/summary?all-branches=true");
        assertThat(summary.json().get("metrics").get("mttr").isNumber()).isTrue();
        assertValid("/insights/" + SLUG + "/workflows/build/summary", summary);
        Http.Reply empty = http.get("/insights/gh/acme/api/workflows/nightly/summary");
        assertThat(empty.json().get("metrics").get("duration_metrics").get("p95").isNull()).isTrue();
        assertValid("/insights/" + SLUG + "/workflows/nightly/summary", empty);
    }

    @Test
    void recentRuns() {
        Http.Reply runs = http.get("/insights/gh/acme/api/workflows/build?branch=main");
        assertThat(runs.json().get("items")).hasSize(1);
        assertValid("/insights/" + SLUG + "/workflows/build", runs);
    }

    @Test
    void refusalsAndBadQueriesAndThrottling() {
        Http.Reply forbidden = http.get("/insights/gh/acme/secret/workflows");
        assertThat(forbidden.status()).isEqualTo(403);
        assertValid("/insights/gh%2Facme%2Fsecret/workflows", forbidden);
        Http.Reply bad = http.get("/insights/gh/acme/api/workflows?reporting-window=forever");
        assertThat(bad.status()).isEqualTo(400);
        assertValid("/insights/" + SLUG + "/workflows", bad);
        Http.Reply reply;
        do {
            reply = http.send("GET", "/me", null, Map.of("Circle-Token", "throttled"));
        } while (reply.status() == 200);
        assertThat(reply.status()).isEqualTo(429);
        assertValid("/me", reply);
    }
}
