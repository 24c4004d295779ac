package io.jenkins.plugins.circleci.simulator;

import static io.jenkins.plugins.circleci.simulator.Http.byName;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of response the simulator sends, validated against CircleCI's own OpenAPI spec
 * ({@code shared/circleci/openapi-v2.json}) with swagger-request-validator.
 *
 * <p>The spec marks nullable fields with Swagger 2's {@code x-nullable: true}, which OpenAPI 3 validators ignore, so
 * read literally it forbids the nulls CircleCI really sends ({@code stopped_at}, {@code next_page_token},
 * {@code avatar_url}...). The validator here reads a copy where each {@code x-nullable: true} also says
 * {@code nullable: true} (the operations served here use {@code x-nullable} only, never OpenAPI 3's {@code nullable});
 * {@link #xNullableFieldsReallyAreNull_realBehaviourDiffersFromSpec} shows why. Other places
 * where the real API differs from the spec are filtered narrowly, in tests named {@code ..._realBehaviourDiffersFromSpec}.
 */
class ContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The operations the simulator implements; the rest of the spec is dropped to keep parsing quick. */
    private static final Set<String> PATHS = Set.of(
            "/project/{project-slug}/pipeline", "/project/{provider}/{organization}/{project}/pipeline/run",
            "/project/{project-slug}/pipeline/{pipeline-number}", "/pipeline/{pipeline-id}",
            "/pipeline/{pipeline-id}/workflow", "/workflow/{id}", "/workflow/{id}/job",
            "/project/{project-slug}/job/{job-number}", "/project/{project-slug}/{job-number}/tests",
            "/project/{project-slug}/{job-number}/artifacts", "/project/{project-slug}", "/me",
            "/workflow/{id}/cancel", "/workflow/{id}/approve/{approval_request_id}", "/workflow/{id}/rerun",
            "/pipeline/{pipeline-id}/config");

    private static OpenApiInteractionValidator validator;
    private static OpenApiInteractionValidator literalValidator;
    private static final ManualClock CLOCK = new ManualClock();
    private static CircleCiSimulator sim;
    private static Http http;

    private static final SpecLocation SPEC = SpecLocation.find(System.getenv(), System.getProperties(),
            Path.of(System.getProperty("user.dir")));

    @BeforeAll
    static void loadSpecAndStart() throws IOException {
        SPEC.problem().ifPresent(problem -> {
            throw new AssertionError(problem + " " + SPEC.describe());
        });
        Optional<Path> spec = SPEC.spec();
        if (spec.isEmpty()) {
            return; // each test reports itself skipped, see skipWithoutSpec
        }
        ObjectNode literal = trimmed((ObjectNode) MAPPER.readTree(Files.readString(spec.get())));
        ObjectNode realistic = literal.deepCopy();
        markXNullableAsNullable(realistic);
        literalValidator = OpenApiInteractionValidator.createForInlineApiSpecification(MAPPER.writeValueAsString(literal)).build();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(MAPPER.writeValueAsString(realistic)).build();
        sim = CircleCiSimulator.builder().clock(CLOCK).webhookPollInterval(null).pageSize(2)
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p
                                .config("version: 2.1\nparameters:\n  deploy: {type: boolean, default: false}\n")
                                .workflow("build", w -> w.job(io.jenkins.plugins.circleci.simulator.scenario.JobSpec
                                        .build("test", Duration.ofSeconds(30), "success").withTests(3).withArtifacts(3)))
                                .workflow("deploy", w -> w.approval("hold").job("ship", Duration.ofSeconds(10), "failed")
                                        .maxAutoReruns(1)))
                        .project("gh/acme/broken", p -> p.errored("config", "Config does not conform to schema"))
                        .project("gh/acme/dyn", p -> p.config("version: 2.1\nsetup: true\n")
                                .continuationConfig("version: 2.1\n").setupWorkflow("setup", w -> w.job("gen", Duration.ofSeconds(1)))
                                .continuationAfter(Duration.ofSeconds(1)).workflow("build", w -> w.job("t", Duration.ofSeconds(1))))
                        .project("gh/acme/skipped", p -> p.notTriggered())
                        .project("circleci/org-id/project-id", p -> p.workflow("w", w -> w.job("j", Duration.ofSeconds(1))))
                        .build())
                .start();
        http = new Http(sim);
    }

    /** Per test, so that a run without the spec shows every contract test as skipped, not as nothing run. */
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

    // ---- the spec file and its reading

    private static ObjectNode trimmed(ObjectNode spec) {
        ObjectNode paths = (ObjectNode) spec.get("paths");
        paths.retain(PATHS);
        assertThat(paths.size()).as("every implemented operation is in the spec").isEqualTo(PATHS.size());
        return spec;
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
            node.forEach(ContractTest::markXNullableAsNullable);
        }
    }

    // ---- validation helpers

    /** Validates a reply; {@code specPath} is a concrete path whose slug is one %2F-encoded segment. */
    private static ValidationReport report(OpenApiInteractionValidator v, String method, String specPath, Http.Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        String contentType = reply.headers().get("Content-Type");
        if (contentType != null) {
            response.withContentType(contentType);
        }
        return v.validateResponse("/api/v2" + specPath, Request.Method.valueOf(method), response.build());
    }

    private static void assertValid(String method, String specPath, Http.Reply reply) {
        assertValidExcept(method, specPath, reply, m -> false);
    }

    private static void assertValidExcept(String method, String specPath, Http.Reply reply,
                                          Predicate<ValidationReport.Message> knownDifference) {
        ValidationReport report = report(validator, method, specPath, reply);
        List<String> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(knownDifference.negate())
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
        assertThat(errors).as(method + " " + specPath + " -> " + reply.status() + " " + reply.body()).isEmpty();
    }

    private static String slug(String slug) {
        return slug.replace("/", "%2F");
    }

    // ---- triggers

    @Test
    void legacyTrigger201() {
        assertValid("POST", "/project/" + slug("gh/acme/api") + "/pipeline",
                http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"main\"}"));
    }

    @Test
    void traceContextHeadersAreAcceptedAsCircleCiAcceptsUnknownHeaders() {
        String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        // The spec declares no trace headers, and a request carrying them still conforms: undeclared headers are
        // not refused (real CircleCI ignores them).
        ValidationReport request = validator.validateRequest(SimpleRequest.Builder
                .post("/api/v2/project/" + slug("gh/acme/api") + "/pipeline").withHeader("Circle-Token", Http.TOKEN)
                .withHeader("traceparent", parent).withHeader("tracestate", "rojo=00f067aa0ba902b7")
                .withContentType("application/json").withBody("{\"branch\":\"main\"}").build());
        assertThat(request.getMessages()).isEmpty();
        Http.Reply created = http.send("POST", "/project/gh/acme/api/pipeline", "{\"branch\":\"main\"}",
                Map.of("Circle-Token", Http.TOKEN, "traceparent", parent, "tracestate", "rojo=00f067aa0ba902b7"));
        assertThat(created.status()).isEqualTo(201);
        assertValid("POST", "/project/" + slug("gh/acme/api") + "/pipeline", created);
        // The journal keeps them as sent, for tests to see where they went.
        List<io.jenkins.plugins.circleci.simulator.journal.JournalEntry> posts = sim.journal().requests("POST",
                "^/project/gh(%2F|/)acme(%2F|/)api/pipeline$");
        assertThat(posts.get(posts.size() - 1).header("traceparent")).isEqualTo(parent);
        assertThat(posts.get(posts.size() - 1).header("tracestate")).isEqualTo("rojo=00f067aa0ba902b7");
    }

    @Test
    void pipelineRun201And200NotTriggeredAnd400And404() {
        Http.Reply created = http.post("/project/gh/acme/api/pipeline/run", "{\"config\":{\"branch\":\"main\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertValid("POST", "/project/gh/acme/api/pipeline/run", created);
        Http.Reply skipped = http.post("/project/gh/acme/skipped/pipeline/run", "{}");
        assertThat(skipped.status()).isEqualTo(200);
        assertValid("POST", "/project/gh/acme/skipped/pipeline/run", skipped);
        Http.Reply bad = http.post("/project/gh/acme/api/pipeline/run", "{\"branch\":\"main\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertValid("POST", "/project/gh/acme/api/pipeline/run", bad);
        Http.Reply missing = http.send("POST", "/project/gh/acme/api/pipeline/run", "{}", Map.of());
        assertThat(missing.status()).isEqualTo(404);
        assertValid("POST", "/project/gh/acme/api/pipeline/run", missing);
    }

    @Test
    void pipelineRunTakesConfigContent_realBehaviourDiffersFromSpec() {
        String body = "{\"definition_id\":\"" + Http.DEFINITION_ID + "\",\"config\":{\"branch\":\"main\","
                + "\"content\":\"\"},\"checkout\":{\"branch\":\"main\"}}";
        // The spec's config schema has no "content" and no additional properties, so it refuses the body that
        // CircleCI's own MCP server sends...
        ValidationReport request = validator.validateRequest(SimpleRequest.Builder
                .post("/api/v2/project/gh/acme/api/pipeline/run").withHeader("Circle-Token", Http.TOKEN)
                .withContentType("application/json").withBody(body).build());
        assertThat(request.getMessages()).extracting(m -> m.getKey() + ": " + m.getMessage()).containsExactly(
                "validation.request.body.schema.additionalProperties: [Path '/config'] Object instance has properties"
                        + " which are not allowed by the schema: [\"content\"]");
        // ...which CircleCI runs; so does the simulator, with a response the spec accepts.
        Http.Reply created = http.post("/project/gh/acme/api/pipeline/run", body);
        assertThat(created.status()).isEqualTo(201);
        assertValid("POST", "/project/gh/acme/api/pipeline/run", created);
    }

    // ---- pipelines

    @Test
    void pipelineWhilePendingCreatedAndErrored() {
        String id = http.trigger("gh/acme/api");
        assertValid("GET", "/pipeline/" + id, http.get("/pipeline/" + id));
        CLOCK.advance(Duration.ofSeconds(2));
        assertValid("GET", "/pipeline/" + id, http.get("/pipeline/" + id));
        String broken = http.trigger("gh/acme/broken");
        CLOCK.advance(Duration.ofSeconds(2));
        Http.Reply errored = http.get("/pipeline/" + broken);
        assertThat(errored.json().get("state").asText()).isEqualTo("errored");
        assertValid("GET", "/pipeline/" + broken, errored);
        assertValid("GET", "/project/" + slug("gh/acme/api") + "/pipeline/1", http.get("/project/gh/acme/api/pipeline/1"));
    }

    @Test
    void pipelineOfAGithubAppProjectCarriesTriggerParameters() {
        String id = http.trigger("circleci/org-id/project-id");
        Http.Reply reply = http.get("/pipeline/" + id);
        assertThat(reply.json().get("trigger_parameters").has("git")).isTrue();
        assertValid("GET", "/pipeline/" + id, reply);
    }

    @Test
    void pipelineListPages() {
        for (int i = 0; i < 3; i++) {
            http.trigger("gh/acme/api");
        }
        Http.Reply first = http.get("/project/gh/acme/api/pipeline");
        assertThat(first.json().get("next_page_token").isTextual()).isTrue();
        assertValid("GET", "/project/" + slug("gh/acme/api") + "/pipeline", first);
    }

    @Test
    void pipelineConfigWithAndWithoutSetupWorkflowAndForAnUnknownPipeline() {
        String id = http.trigger("gh/acme/api");
        Http.Reply plain = http.get("/pipeline/" + id + "/config");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().has("setup-config")).isFalse();
        assertValid("GET", "/pipeline/" + id + "/config", plain);
        String dyn = http.trigger("gh/acme/dyn");
        Http.Reply setup = http.get("/pipeline/" + dyn + "/config");
        assertThat(setup.json().get("setup-config").asText()).contains("setup: true");
        assertValid("GET", "/pipeline/" + dyn + "/config", setup);
        String unknown = "/pipeline/5034460f-c7c4-4c43-9457-de07e2029e7b/config";
        Http.Reply missing = http.get(unknown);
        assertThat(missing.status()).isEqualTo(404);
        assertValid("GET", unknown, missing);
    }

    // ---- workflows and jobs

    @Test
    void workflowListAndWorkflowWhileRunningAndAfterwards() {
        String id = http.trigger("gh/acme/dyn");
        CLOCK.advance(Duration.ofSeconds(3));
        Http.Reply running = http.get("/pipeline/" + id + "/workflow");
        assertThat(running.json().get("items").get(0).get("stopped_at").isNull()).isTrue();
        assertThat(running.json().get("next_page_token").isNull()).isTrue();
        assertValid("GET", "/pipeline/" + id + "/workflow", running);
        String setup = running.json().get("items").get(0).get("id").asText();
        assertValid("GET", "/workflow/" + setup, http.get("/workflow/" + setup));
        CLOCK.advance(Duration.ofSeconds(5));
        assertValid("GET", "/pipeline/" + id + "/workflow", http.get("/pipeline/" + id + "/workflow"));
        assertValid("GET", "/workflow/" + setup, http.get("/workflow/" + setup));
    }

    @Test
    void approvalJobStartedAtIsNull_realBehaviourDiffersFromSpec() {
        String id = http.trigger("gh/acme/api");
        CLOCK.advance(Duration.ofSeconds(2));
        String deploy = byName(http.workflows(id), "deploy").get("id").asText();
        Http.Reply jobs = http.get("/workflow/" + deploy + "/job");
        assertThat(byName(jobs.json().get("items"), "hold").get("started_at").isNull()).isTrue();
        assertThat(byName(jobs.json().get("items"), "ship").get("started_at").isNull()).isTrue();
        // The spec requires a non-null started_at; CircleCI sends null for jobs that have not started (approval
        // jobs on hold, jobs blocked behind them). Exactly those messages are tolerated, nothing else.
        ValidationReport strict = report(validator, "GET", "/workflow/" + deploy + "/job", jobs);
        assertThat(strict.getMessages()).anyMatch(ContractTest::isNullStartedAt);
        assertValidExcept("GET", "/workflow/" + deploy + "/job", jobs, ContractTest::isNullStartedAt);
        assertValid("GET", "/workflow/" + deploy, http.get("/workflow/" + deploy));
    }

    private static boolean isNullStartedAt(ValidationReport.Message m) {
        return m.getMessage().contains("/started_at")
                && m.getMessage().contains("null")
                && m.getKey().startsWith("validation.response.body.schema");
    }

    @Test
    void jobsJobDetailsTestsAndArtifactsOfAFinishedJob() {
        String id = http.trigger("gh/acme/api");
        CLOCK.advance(Duration.ofMinutes(1));
        String build = byName(http.workflows(id), "build").get("id").asText();
        Http.Reply jobs = http.get("/workflow/" + build + "/job");
        assertValid("GET", "/workflow/" + build + "/job", jobs);
        long number = jobs.json().get("items").get(0).get("job_number").asLong();
        String base = "/project/" + slug("gh/acme/api");
        assertValid("GET", base + "/job/" + number, http.get("/project/gh/acme/api/job/" + number));
        Http.Reply tests = http.get("/project/gh/acme/api/" + number + "/tests");
        assertThat(tests.json().get("items").get(0).get("message").isNull()).isTrue();
        assertValid("GET", base + "/" + number + "/tests", tests);
        assertValid("GET", base + "/" + number + "/artifacts", http.get("/project/gh/acme/api/" + number + "/artifacts"));
    }

    @Test
    void jobDetailsWhileRunningHasNullDurationAndStoppedAt() {
        String id = http.trigger("gh/acme/api");
        CLOCK.advance(Duration.ofSeconds(5));
        String build = byName(http.workflows(id), "build").get("id").asText();
        long number = http.jobs(build).get(0).get("job_number").asLong();
        Http.Reply details = http.get("/project/gh/acme/api/job/" + number);
        assertThat(details.json().get("duration").isNull()).isTrue();
        assertValid("GET", "/project/" + slug("gh/acme/api") + "/job/" + number, details);
    }

    // ---- actions

    @Test
    void cancelApproveAndRerun202() {
        String id = http.trigger("gh/acme/api");
        CLOCK.advance(Duration.ofSeconds(2));
        String deploy = byName(http.workflows(id), "deploy").get("id").asText();
        String hold = byName(http.jobs(deploy), "hold").get("id").asText();
        Http.Reply approve = http.post("/workflow/" + deploy + "/approve/" + hold, null);
        assertThat(approve.status()).isEqualTo(202);
        assertValid("POST", "/workflow/" + deploy + "/approve/" + hold, approve);
        String build = byName(http.workflows(id), "build").get("id").asText();
        Http.Reply cancel = http.post("/workflow/" + build + "/cancel", null);
        assertThat(cancel.status()).isEqualTo(202);
        assertValid("POST", "/workflow/" + build + "/cancel", cancel);
        Http.Reply rerun = http.post("/workflow/" + build + "/rerun", "{\"from_failed\":false}");
        assertThat(rerun.status()).isEqualTo(202);
        assertValid("POST", "/workflow/" + build + "/rerun", rerun);
        CLOCK.advance(Duration.ofMinutes(1));
        Http.Reply withRerun = http.get("/pipeline/" + id + "/workflow");
        assertValid("GET", "/pipeline/" + id + "/workflow", withRerun);
        String token = withRerun.json().get("next_page_token").asText();
        Http.Reply second = http.get("/pipeline/" + id + "/workflow?page-token=" + token);
        assertThat(second.json().get("items").findValues("auto_rerun_number")).isNotEmpty();
        assertValid("GET", "/pipeline/" + id + "/workflow", second);
    }

    // ---- project, user, errors

    @Test
    void projectAndMe() {
        assertValid("GET", "/project/" + slug("gh/acme/api"), http.get("/project/gh/acme/api"));
        assertValid("GET", "/project/" + slug("circleci/org-id/project-id"), http.get("/project/circleci/org-id/project-id"));
        assertValid("GET", "/me", http.get("/me"));
    }

    @Test
    void errorBodies() {
        assertValid("GET", "/me", http.send("GET", "/me", null, Map.of()));
        assertValid("GET", "/project/" + slug("gh/acme/api"), http.send("GET", "/project/gh/acme/api", null, Map.of()));
        assertValid("POST", "/project/" + slug("gh/acme/api") + "/pipeline",
                http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"a\",\"tag\":\"b\"}"));
        String unknown = "/pipeline/5034460f-c7c4-4c43-9457-de07e2029e7b";
        assertValid("GET", unknown, http.get(unknown));
        assertValid("GET", "/workflow/5034460f-c7c4-4c43-9457-de07e2029e7b",
                http.get("/workflow/5034460f-c7c4-4c43-9457-de07e2029e7b"));
        assertValid("GET", "/project/" + slug("gh/acme/api") + "/job/99999", http.get("/project/gh/acme/api/job/99999"));
        assertValid("GET", "/project/" + slug("gh/acme/api") + "/pipeline",
                http.get("/project/gh/acme/api/pipeline?page-token=bogus"));

        String id = http.trigger("gh/acme/api");
        CLOCK.advance(Duration.ofSeconds(2));
        String build = byName(http.workflows(id), "build").get("id").asText();
        Http.Reply notApproval = http.post("/workflow/" + build + "/approve/" + build, null);
        assertThat(notApproval.status()).isEqualTo(404);
        assertValid("POST", "/workflow/" + build + "/approve/" + build, notApproval);
        Http.Reply stillRunning = http.post("/workflow/" + build + "/rerun", null);
        assertThat(stillRunning.status()).isEqualTo(400);
        assertValid("POST", "/workflow/" + build + "/rerun", stillRunning);
        Http.Reply me = http.send("GET", "/me", null, Map.of("Authorization", "Bearer "));
        assertThat(me.status()).isEqualTo(401);
        assertValid("GET", "/me", me);
    }

    @Test
    void theValidatorCatchesABodyThatBreaksTheSchema() {
        String id = http.trigger("gh/acme/api");
        CLOCK.advance(Duration.ofSeconds(2));
        String build = byName(http.workflows(id), "build").get("id").asText();
        Http.Reply good = http.get("/workflow/" + build);
        ObjectNode broken = (ObjectNode) good.json().deepCopy();
        broken.remove("status");
        broken.put("pipeline_number", "one");
        Http.Reply bad = new Http.Reply(200, broken.toString(), good.headers());
        assertThat(report(validator, "GET", "/workflow/" + build, bad).getMessages())
                .anyMatch(m -> m.getMessage().contains("status"))
                .anyMatch(m -> m.getMessage().contains("pipeline_number"));
        assertThat(report(validator, "GET", "/workflow/" + build, good).hasErrors()).isFalse();
    }

    @Test
    void xNullableFieldsReallyAreNull_realBehaviourDiffersFromSpec() {
        String id = http.trigger("gh/acme/api");
        CLOCK.advance(Duration.ofSeconds(2));
        String build = byName(http.workflows(id), "build").get("id").asText();
        Http.Reply running = http.get("/workflow/" + build);
        assertThat(running.json().get("stopped_at").isNull()).isTrue();
        // Read literally (x-nullable is not OpenAPI 3), the spec forbids the null CircleCI sends while running...
        assertThat(report(literalValidator, "GET", "/workflow/" + build, running).getMessages())
                .anyMatch(m -> m.getMessage().contains("stopped_at"));
        // ...and with x-nullable honoured, the same body is valid.
        assertValid("GET", "/workflow/" + build, running);
    }
}
