package io.jenkins.plugins.circleci.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a project's {@code history} and the scenario's {@code rate_limits} (format in docs/simulator.md). */
final class HistoryReader {

    private HistoryReader() {
    }

    static ProjectHistory history(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        ScenarioReader.allow(node, at, "insights", "workflows");
        String access = ScenarioReader.text(node, "insights");
        ProjectHistory.Access insights = ProjectHistory.Access.AVAILABLE;
        if (access != null) {
            insights = switch (access.toLowerCase(Locale.ROOT)) {
                case "available" -> ProjectHistory.Access.AVAILABLE;
                case "forbidden", "403" -> ProjectHistory.Access.FORBIDDEN;
                case "not_found", "not-found", "404" -> ProjectHistory.Access.NOT_FOUND;
                default -> throw new IllegalArgumentException(at + ".insights must be available, forbidden (403) or "
                        + "not_found (404); not '" + access + "'");
            };
        }
        List<ProjectHistory.WorkflowHistory> workflows = new ArrayList<>();
        int i = 0;
        for (JsonNode w : node.path("workflows")) {
            String where = at + ".workflows[" + i++ + "]";
            ScenarioReader.allow(w, where, "name", "branch", "durations", "status", "ago", "every");
            List<Duration> durations = new ArrayList<>();
            for (JsonNode d : w.path("durations")) {
                durations.add(d.isNumber() ? Duration.ofMillis(Math.round(d.asDouble() * 1000))
                        : Durations.parse(d.asText()));
            }
            workflows.add(new ProjectHistory.WorkflowHistory(ScenarioReader.required(w, "name", where),
                    ScenarioReader.required(w, "branch", where), durations, ScenarioReader.text(w, "status"),
                    ScenarioReader.duration(w, "ago"), ScenarioReader.duration(w, "every")));
        }
        return new ProjectHistory(insights, workflows);
    }

    static List<RateLimitRule> rateLimits(JsonNode root) {
        List<RateLimitRule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.path("rate_limits")) {
            String at = "$.rate_limits[" + i++ + "]";
            ScenarioReader.allow(r, at, "requests", "per");
            if (!r.path("requests").canConvertToInt()) {
                throw new IllegalArgumentException(at + ".requests must be a whole number");
            }
            Duration per = ScenarioReader.duration(r, "per");
            if (per == null) {
                throw new IllegalArgumentException(at + ".per is required (e.g. 1s, 1m)");
            }
            rules.add(new RateLimitRule(r.get("requests").asInt(), per));
        }
        return rules;
    }
}
