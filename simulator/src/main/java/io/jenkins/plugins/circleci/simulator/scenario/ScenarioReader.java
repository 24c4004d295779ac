package io.jenkins.plugins.circleci.simulator.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the scenario file format (JSON or YAML, same tree; documented in {@code docs/simulator.md}).
 *
 * <p>Unknown keys are refused with the path of the offending key: a typo in a scenario should fail loudly rather than
 * silently fall back to a default and make a test pass for the wrong reason.
 */
final class ScenarioReader {

    private final ObjectMapper mapper;

    private ScenarioReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static ScenarioReader json() {
        return new ScenarioReader(new ObjectMapper());
    }

    static ScenarioReader yaml() {
        return new ScenarioReader(new ObjectMapper(new YAMLFactory()));
    }

    Scenario read(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("scenario is not valid JSON/YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Scenario.defaults();
        }
        allow(root, "$", "projects", "default_project", "only_declared_projects", "faults", "webhooks",
                "valid_tokens", "invalid_tokens", "rate_limits");
        Map<String, ProjectScenario> projects = new LinkedHashMap<>();
        JsonNode projectNodes = root.path("projects");
        for (Map.Entry<String, JsonNode> e : projectNodes.properties()) {
            projects.put(e.getKey(), project(e.getValue(), "$.projects['" + e.getKey() + "']"));
        }
        ProjectScenario defaultProject = root.has("default_project")
                ? project(root.get("default_project"), "$.default_project") : null;
        List<FaultRule> faults = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.path("faults")) {
            faults.add(fault(f, "$.faults[" + i++ + "]"));
        }
        List<WebhookTarget> webhooks = new ArrayList<>();
        i = 0;
        for (JsonNode w : root.path("webhooks")) {
            String at = "$.webhooks[" + i++ + "]";
            allow(w, at, "url", "secret", "name", "events", "project");
            webhooks.add(new WebhookTarget(required(w, "url", at), text(w, "secret"), text(w, "name"),
                    strings(w.path("events")), text(w, "project")));
        }
        return new Scenario(projects, defaultProject, !root.path("only_declared_projects").asBoolean(false),
                faults, webhooks, new LinkedHashSet<>(strings(root.path("valid_tokens"))),
                new LinkedHashSet<>(strings(root.path("invalid_tokens"))), HistoryReader.rateLimits(root));
    }

    private ProjectScenario project(JsonNode node, String at) {
        allow(node, at, "steps", "errors", "workflows", "continuation_delay", "not_triggered", "branches",
                "manual_rerun_outcome", "default_branch", "history", "config", "continuation_config");
        List<PipelineStep> steps = new ArrayList<>();
        for (JsonNode s : node.path("steps")) {
            allow(s, at + ".steps", "state", "for");
            steps.add(new PipelineStep(required(s, "state", at + ".steps"), duration(s, "for")));
        }
        List<PipelineError> errors = new ArrayList<>();
        for (JsonNode e : node.path("errors")) {
            allow(e, at + ".errors", "type", "message");
            errors.add(new PipelineError(required(e, "type", at + ".errors"), required(e, "message", at + ".errors")));
        }
        List<WorkflowSpec> workflows = new ArrayList<>();
        int i = 0;
        for (JsonNode w : node.path("workflows")) {
            workflows.add(workflow(w, at + ".workflows[" + i++ + "]"));
        }
        return new ProjectScenario(steps, errors, workflows, duration(node, "continuation_delay"),
                node.path("not_triggered").asBoolean(false), strings(node.path("branches")),
                text(node, "manual_rerun_outcome"), text(node, "default_branch"),
                HistoryReader.history(node.get("history"), at + ".history"), configText(node, "config", at),
                configText(node, "continuation_config", at));
    }

    /** A config is YAML text; a map here would be the config itself, which the scenario cannot tell from a typo. */
    private static String configText(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw new IllegalArgumentException(at + "." + key + " must be the config's text (a YAML block scalar: "
                    + key + ": |)");
        }
        return text(node, key);
    }

    private WorkflowSpec workflow(JsonNode node, String at) {
        allow(node, at, "name", "setup", "jobs", "status", "status_for", "max_auto_reruns", "auto_rerun_outcomes",
                "auto_rerun_delay");
        List<JobSpec> jobs = new ArrayList<>();
        int i = 0;
        for (JsonNode j : node.path("jobs")) {
            jobs.add(job(j, at + ".jobs[" + i++ + "]"));
        }
        return new WorkflowSpec(required(node, "name", at), node.path("setup").asBoolean(false), jobs,
                text(node, "status"), duration(node, "status_for"), node.path("max_auto_reruns").asInt(0),
                strings(node.path("auto_rerun_outcomes")), duration(node, "auto_rerun_delay"));
    }

    private JobSpec job(JsonNode node, String at) {
        allow(node, at, "name", "type", "duration", "outcome", "requires", "tests", "artifacts", "steps",
                "output_encoding", "output_url_ttl");
        String type = node.path("type").asText("build");
        if (!type.equals("build") && !type.equals("approval")) {
            throw new IllegalArgumentException(at + ".type must be 'build' or 'approval', not '" + type + "'");
        }
        List<String> requires = node.has("requires") ? strings(node.get("requires")) : null;
        String name = required(node, "name", at);
        JsonNode tests = node.path("tests");
        int testCount = tests.isContainerNode() ? 0 : tests.asInt(0);
        JsonNode artifacts = node.path("artifacts");
        int artifactCount = artifacts.isContainerNode() ? 0 : artifacts.asInt(0);
        try {
            return new JobSpec(name, type.equals("approval"), duration(node, "duration"),
                    text(node, "outcome"), requires, testCount, artifactCount,
                    JobDetailsReader.tests(name, tests, at + ".tests"),
                    JobDetailsReader.steps(node.path("steps"), at + ".steps"), text(node, "output_encoding"),
                    duration(node, "output_url_ttl"),
                    JobDetailsReader.artifacts(artifacts, at + ".artifacts"));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(at) ? e : new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
    }

    private FaultRule fault(JsonNode node, String at) {
        allow(node, at, "kind", "method", "path", "status", "retry_after", "delay", "first", "every", "rate");
        String kind = required(node, "kind", at).toUpperCase(Locale.ROOT).replace('-', '_');
        FaultRule.Kind k;
        try {
            k = FaultRule.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ".kind must be one of " + String.join(", ",
                    java.util.Arrays.stream(FaultRule.Kind.values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                            .toList()) + "; not '" + node.get("kind").asText() + "'", e);
        }
        // retry_after: none (or 0) = a 429 without the header.
        Duration retryAfter = "none".equals(text(node, "retry_after")) ? Duration.ZERO : duration(node, "retry_after");
        int status = node.path("status").asInt(k == FaultRule.Kind.RATE_LIMIT ? 429 : k == FaultRule.Kind.STATUS ? 500 : 200);
        return new FaultRule(k, text(node, "method"), text(node, "path"), status, retryAfter,
                duration(node, "delay"), node.path("first").asInt(0), node.path("every").asInt(0),
                node.path("rate").asDouble(0));
    }

    static void allow(JsonNode node, String at, String... keys) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + " must be an object");
        }
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' at " + at + "; allowed: "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    static String required(JsonNode node, String key, String at) {
        String value = text(node, key);
        if (value == null) {
            throw new IllegalArgumentException(at + "." + key + " is required");
        }
        return value;
    }

    static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Duration duration(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? Duration.ofMillis(Math.round(v.asDouble() * 1000)) : Durations.parse(v.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
