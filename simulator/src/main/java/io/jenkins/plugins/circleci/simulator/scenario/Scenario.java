package io.jenkins.plugins.circleci.simulator.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything the simulator is scripted to do: per-project pipelines, faults, webhooks and tokens.
 *
 * <p>Immutable; read it from a file ({@link #fromFile}, JSON or YAML, format in {@code docs/simulator.md}) or build it
 * in a test:
 * <pre>{@code
 * Scenario.builder()
 *     .project("gh/acme/api", p -> p
 *         .workflow("build", w -> w.job("test", Duration.ofSeconds(30)))
 *         .workflow("deploy", w -> w.approval("hold").job("ship", Duration.ofSeconds(10), "failed")))
 *     .fault(FaultRule.status(503).on("GET", "/pipeline/[^/]+/workflow").first(3))
 *     .invalidToken("bad-token")
 *     .build();
 * }</pre>
 *
 * @param projects        scenarios by project slug (as written by the client: {@code gh/acme/api})
 * @param defaultProject  the scenario of every other project
 * @param unknownProjects whether slugs missing from {@code projects} exist (with {@code defaultProject}); if false they get 404
 * @param faults          injected faults, checked in order (the first that hits wins)
 * @param webhooks        outbound webhooks
 * @param validTokens     non-empty: only these tokens are valid
 * @param invalidTokens   tokens that are always invalid (e.g. a revoked one)
 * @param rateLimits      per-token throttles (each a number of requests per fixed window); empty = none
 */
public record Scenario(Map<String, ProjectScenario> projects, ProjectScenario defaultProject, boolean unknownProjects,
                       List<FaultRule> faults, List<WebhookTarget> webhooks, Set<String> validTokens,
                       Set<String> invalidTokens, List<RateLimitRule> rateLimits) {

    public Scenario {
        projects = Map.copyOf(projects == null ? Map.of() : projects);
        defaultProject = defaultProject == null ? ProjectScenario.defaults() : defaultProject;
        faults = List.copyOf(faults == null ? List.of() : faults);
        webhooks = List.copyOf(webhooks == null ? List.of() : webhooks);
        validTokens = Set.copyOf(validTokens == null ? Set.of() : validTokens);
        invalidTokens = Set.copyOf(invalidTokens == null ? Set.of() : invalidTokens);
        rateLimits = List.copyOf(rateLimits == null ? List.of() : rateLimits);
    }

    /** Every slug exists for any non-empty token; each pipeline runs the default two-workflow scenario. */
    public static Scenario defaults() {
        return builder().build();
    }

    public static Scenario fromFile(Path file) {
        try {
            String text = Files.readString(file);
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            return name.endsWith(".json") ? fromJson(text) : fromYaml(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    public static Scenario fromJson(String json) {
        return ScenarioReader.json().read(json);
    }

    public static Scenario fromYaml(String yaml) {
        return ScenarioReader.yaml().read(yaml);
    }

    /** The scenario for a slug, or empty when the project does not exist. */
    public Optional<ProjectScenario> project(String slug) {
        ProjectScenario exact = projects.get(slug);
        if (exact != null) {
            return Optional.of(exact);
        }
        return unknownProjects ? Optional.of(defaultProject) : Optional.empty();
    }

    public boolean isValidToken(String token) {
        if (token == null || token.isEmpty() || invalidTokens.contains(token)) {
            return false;
        }
        return validTokens.isEmpty() || validTokens.contains(token);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Scenario} in a few lines. */
    public static final class Builder {
        private final Map<String, ProjectScenario> projects = new LinkedHashMap<>();
        private ProjectScenario defaultProject;
        private boolean unknownProjects = true;
        private final List<FaultRule> faults = new ArrayList<>();
        private final List<WebhookTarget> webhooks = new ArrayList<>();
        private final Set<String> validTokens = new LinkedHashSet<>();
        private final Set<String> invalidTokens = new LinkedHashSet<>();
        private final List<RateLimitRule> rateLimits = new ArrayList<>();

        public Builder project(String slug, UnaryOperator<ProjectScenario.Builder> script) {
            projects.put(slug, script.apply(ProjectScenario.builder()).build());
            return this;
        }

        public Builder project(String slug, ProjectScenario scenario) {
            projects.put(slug, scenario);
            return this;
        }

        /** The scenario of every project not named with {@link #project}. */
        public Builder defaultProject(UnaryOperator<ProjectScenario.Builder> script) {
            this.defaultProject = script.apply(ProjectScenario.builder()).build();
            return this;
        }

        /** Only projects named with {@link #project} exist; others get 404 "Project not found". */
        public Builder onlyDeclaredProjects() {
            this.unknownProjects = false;
            return this;
        }

        public Builder fault(FaultRule fault) {
            faults.add(fault);
            return this;
        }

        /** Shorthand: the first {@code count} requests of {@code method} on {@code pathRegex} get {@code status}. */
        public Builder failFirst(int count, String method, String pathRegex, int status) {
            return fault(FaultRule.status(status).on(method, pathRegex).first(count));
        }

        /** Shorthand: every {@code n}th request gets 429 with {@code Retry-After: retryAfterSeconds}. */
        public Builder rateLimitEvery(int n, int retryAfterSeconds) {
            return fault(FaultRule.rateLimited(Duration.ofSeconds(retryAfterSeconds)).every(n));
        }

        public Builder webhook(String url, String secret) {
            webhooks.add(WebhookTarget.of(url, secret));
            return this;
        }

        public Builder webhook(WebhookTarget target) {
            webhooks.add(target);
            return this;
        }

        /** Only these tokens are valid (by default any non-empty token is). */
        public Builder validTokens(String... tokens) {
            validTokens.addAll(List.of(tokens));
            return this;
        }

        public Builder invalidToken(String token) {
            invalidTokens.add(token);
            return this;
        }

        /** Every token may send at most {@code requests} requests per fixed window of {@code per}; more get 429. */
        public Builder rateLimit(int requests, Duration per) {
            rateLimits.add(new RateLimitRule(requests, per));
            return this;
        }

        public Scenario build() {
            return new Scenario(projects, defaultProject, unknownProjects, faults, webhooks, validTokens,
                    invalidTokens, rateLimits);
        }
    }
}
