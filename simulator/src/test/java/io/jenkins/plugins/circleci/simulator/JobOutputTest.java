package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.StepSpec;
import io.jenkins.plugins.circleci.simulator.scenario.TestSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Declared test results (v2 tests endpoint), the v1.1 job with its steps, and the pre-signed step output: plain,
 * gzip-encoded or gzip bytes, expiring, and served without a token.
 */
class JobOutputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RUN_OUTPUT = "\u001b[32mRunning tests\u001b[0m\r\n" + "x".repeat(250)
            + "\r\nCartTest > addsItem FAILED\r\nCartTest > removesItem FAILED\r\n";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private Http http;
    /** A second client with none of Http's defaults: no Accept header, no token, transparent gzip off. */
    private final OkHttpClient raw = new OkHttpClient.Builder().followRedirects(false).build();

    @BeforeEach
    void start() {
        List<TestSpec> two = List.of(
                TestSpec.passed("com.acme.CartTest", "total"),
                TestSpec.failed("com.acme.CartTest", "addsItem", "expected: <3> but was: <2>")
                        .inFile("src/test/java/com/acme/CartTest.java"),
                TestSpec.failed("com.acme.CartTest", "removesItem", "java.lang.NullPointerException: cart\n\tat Cart"),
                TestSpec.skipped("com.acme.CartTest", "later"));
        List<StepSpec> steps = List.of(StepSpec.of("Checkout code", "Cloning\r\n"),
                StepSpec.failing("Run tests", RUN_OUTPUT), StepSpec.of("Never runs", "unreachable"));
        sim = CircleCiSimulator.builder().clock(clock).pageSize(2).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "failed").withTestResults(two).withSteps(steps))))
                        .project("gh/acme/gzip", p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "failed").withSteps(steps)
                                .withOutputEncoding("gzip"))))
                        .project("gh/acme/gzipbody", p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "failed").withSteps(steps)
                                .withOutputEncoding("gzip-body"))))
                        .project("gh/acme/expired", p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "failed").withOutputUrlTtl(Duration.ZERO))))
                        .project("gh/acme/many", p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "failed").withGeneratedTests(3, 5000, 1))))
                        .build())
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Triggers and lets the pipeline finish; returns the number of its one job. */
    private long finishedJob(String slug) {
        String id = http.trigger(slug);
        clock.advance(Duration.ofMinutes(2));
        String workflow = http.workflows(id).get(0).get("id").asText();
        return http.jobs(workflow).get(0).get("job_number").asLong();
    }

    private List<JsonNode> allTests(String slug, long job) {
        List<JsonNode> out = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = http.get("/project/" + slug + "/" + job + "/tests"
                    + (token == null ? "" : "?page-token=" + token)).json();
            page.get("items").forEach(out::add);
            token = page.get("next_page_token").isNull() ? null : page.get("next_page_token").asText();
        } while (token != null);
        return out;
    }

    private Http.Reply v11(String slug, long job, String token) {
        String base = sim.baseUrl() + "/api/v1.1/project/" + slug + "/" + job;
        return fetch(base, token == null ? java.util.Map.of() : java.util.Map.of("Circle-Token", token));
    }

    private Http.Reply fetch(String url, java.util.Map<String, String> headers) {
        okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(url);
        headers.forEach(b::header);
        try (Response r = raw.newCall(b.build()).execute()) {
            return new Http.Reply(r.code(), new String(r.body().bytes(), StandardCharsets.ISO_8859_1), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Http.Reply reply) {
        return reply.body().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String joinedMessages(byte[] json) throws IOException {
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : MAPPER.readTree(json)) {
            assertThat(chunk.fieldNames()).toIterable().contains("type", "time", "message");
            text.append(chunk.get("message").asText());
        }
        return text.toString();
    }

    @Test
    void declaredTestsAreServedAsDeclaredOverPages() {
        long job = finishedJob("gh/acme/api");
        List<JsonNode> tests = allTests("gh/acme/api", job);
        assertThat(tests).extracting(t -> t.get("name").asText())
                .containsExactly("total", "addsItem", "removesItem", "later");
        assertThat(tests).extracting(t -> t.get("result").asText())
                .containsExactly("success", "failure", "failure", "skipped");
        assertThat(tests.get(0).get("message").isNull()).as("a passing test's message is null").isTrue();
        assertThat(tests.get(1).get("message").asText()).isEqualTo("expected: <3> but was: <2>");
        assertThat(tests.get(1).get("file").asText()).isEqualTo("src/test/java/com/acme/CartTest.java");
        assertThat(tests.get(2).get("file").asText()).as("required: empty when unknown").isEmpty();
        assertThat(sim.journal().count("GET", "/tests")).as("two per page").isEqualTo(2);
    }

    @Test
    void fiveThousandGeneratedFailuresPageThroughEveryOne() {
        long job = finishedJob("gh/acme/many");
        JsonNode first = http.get("/project/gh/acme/many/" + job + "/tests").json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("next_page_token").isNull()).isFalse();
        sim.close();
        // The same scenario with pages of 250, to read all of them quickly.
        sim = CircleCiSimulator.builder().clock(clock).pageSize(250).webhookPollInterval(null)
                .scenario(Scenario.builder().project("gh/acme/many", p -> p.workflow("build", w -> w.job(JobSpec
                        .build("test", Duration.ofSeconds(30), "failed").withGeneratedTests(3, 5000, 1)))).build())
                .start();
        http = new Http(sim);
        List<JsonNode> all = allTests("gh/acme/many", finishedJob("gh/acme/many"));
        assertThat(all).hasSize(5004);
        assertThat(all.stream().filter(t -> t.get("result").asText().equals("failure"))).hasSize(5000);
        assertThat(sim.journal().count("GET", "/tests")).isEqualTo(21);
    }

    @Test
    void testsOfARunningJobAreEmptyAndTestsOfAnUnknownJob404() {
        String id = http.trigger("gh/acme/api");
        clock.advance(Duration.ofSeconds(5));
        String workflow = http.workflows(id).get(0).get("id").asText();
        long job = http.jobs(workflow).get(0).get("job_number").asLong();
        assertThat(http.get("/project/gh/acme/api/" + job + "/tests").json().get("items")).isEmpty();
        assertThat(http.get("/project/gh/acme/api/999/tests").status()).isEqualTo(404);
    }

    @Test
    void v11JobShowsStepsUpToTheFailedOneWithOutputUrls() {
        long job = finishedJob("gh/acme/api");
        Http.Reply reply = v11("gh/acme/api", job, Http.TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("build_num").asLong()).isEqualTo(job);
        assertThat(body.get("status").asText()).isEqualTo("failed");
        assertThat(body.get("outcome").asText()).isEqualTo("failed");
        assertThat(body.get("lifecycle").asText()).isEqualTo("finished");
        assertThat(body.get("failed").asBoolean()).isTrue();
        assertThat(body.get("workflows").get("job_name").asText()).isEqualTo("test");
        JsonNode steps = body.get("steps");
        assertThat(steps).extracting(s -> s.get("name").asText()).as("no step runs after a failed one")
                .containsExactly("Checkout code", "Run tests");
        JsonNode failed = steps.get(1).get("actions").get(0);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("failed").asBoolean()).isTrue();
        assertThat(failed.get("exit_code").asInt()).isEqualTo(1);
        assertThat(failed.get("has_output").asBoolean()).isTrue();
        JsonNode ok = steps.get(0).get("actions").get(0);
        assertThat(ok.get("status").asText()).isEqualTo("success");
        assertThat(ok.get("failed").isNull()).isTrue();
        assertThat(failed.get("output_url").asText())
                .startsWith(sim.baseUrl() + "/action-output/").contains("Expires=", "Signature=");
    }

    @Test
    void v11NeedsAValidTokenAndAKnownJob() {
        long job = finishedJob("gh/acme/api");
        Http.Reply noToken = v11("gh/acme/api", job, null);
        assertThat(noToken.status()).isEqualTo(404);
        assertThat(noToken.json().get("message").asText()).isEqualTo("Project not found");
        Http.Reply unknown = v11("gh/acme/api", 999, Http.TOKEN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("Build not found");
    }

    @Test
    void outputIsServedWithoutATokenAsJsonChunksEndingWithTheExitLine() throws IOException {
        long job = finishedJob("gh/acme/api");
        String url = v11("gh/acme/api", job, Http.TOKEN).json().get("steps").get(1).get("actions").get(0)
                .get("output_url").asText();
        Http.Reply output = fetch(url, java.util.Map.of());
        assertThat(output.status()).isEqualTo(200);
        assertThat(output.headers().get("Content-Encoding")).isNull();
        JsonNode chunks = MAPPER.readTree(bytes(output));
        assertThat(chunks.size()).as("cut into 100-character chunks").isGreaterThan(3);
        assertThat(joinedMessages(bytes(output))).isEqualTo(RUN_OUTPUT + "\r\nExited with code exit status 1\r\n");
        assertThat(chunks.get(chunks.size() - 1).get("type").asText()).isEqualTo("err");
        List<JournalEntry> fetched = sim.journal().requests("GET", "^/action-output/");
        assertThat(fetched).hasSize(1);
        assertThat(fetched.get(0).headers()).doesNotContainKeys("circle-token", "authorization");
    }

    @Test
    void gzipOutputComesWithContentEncodingOrAsCompressedBytes() throws IOException {
        for (String slug : List.of("gh/acme/gzip", "gh/acme/gzipbody")) {
            long job = finishedJob(slug);
            String url = v11(slug, job, Http.TOKEN).json().get("steps").get(1).get("actions").get(0)
                    .get("output_url").asText();
            Http.Reply output = fetch(url, java.util.Map.of("Accept-Encoding", "identity"));
            assertThat(output.status()).isEqualTo(200);
            byte[] body = bytes(output);
            assertThat(body[0] & 0xff).as(slug + ": gzip magic").isEqualTo(0x1f);
            assertThat(body[1] & 0xff).isEqualTo(0x8b);
            assertThat(output.headers().get("Content-Encoding"))
                    .isEqualTo(slug.endsWith("body") ? null : "gzip");
            byte[] json = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            assertThat(joinedMessages(json)).startsWith("\u001b[32mRunning tests");
        }
    }

    @Test
    void outputUrlsExpireAndCannotBeForgedOrSentWithAnotherAuthentication() {
        long expiredJob = finishedJob("gh/acme/expired");
        String expired = v11("gh/acme/expired", expiredJob, Http.TOKEN).json().get("steps").get(2)
                .get("actions").get(0).get("output_url").asText();
        Http.Reply gone = fetch(expired, java.util.Map.of());
        assertThat(gone.status()).isEqualTo(403);
        assertThat(gone.body()).contains("<Code>AccessDenied</Code>", "Request has expired");

        long job = finishedJob("gh/acme/api");
        String url = v11("gh/acme/api", job, Http.TOKEN).json().get("steps").get(0).get("actions").get(0)
                .get("output_url").asText();
        assertThat(fetch(url, java.util.Map.of()).status()).isEqualTo(200);
        Http.Reply forged = fetch(url.replace("/0?", "/1?"), java.util.Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("SignatureDoesNotMatch");
        Http.Reply twoAuths = fetch(url, java.util.Map.of("Authorization", "Bearer " + Http.TOKEN));
        assertThat(twoAuths.status()).isEqualTo(400);
        assertThat(twoAuths.body()).contains("Only one auth mechanism allowed");
        clock.advance(Duration.ofDays(6));
        assertThat(fetch(url, java.util.Map.of()).status()).as("5 days, like CircleCI's").isEqualTo(403);
    }

    @Test
    void aRunningJobShowsTheStepsBegunSoFar() {
        String id = http.trigger("gh/acme/api");
        clock.advance(Duration.ofSeconds(1));
        while (http.workflows(id).isEmpty()) {
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(12));
        String workflow = http.workflows(id).get(0).get("id").asText();
        long job = http.jobs(workflow).get(0).get("job_number").asLong();
        JsonNode body = v11("gh/acme/api", job, Http.TOKEN).json();
        assertThat(body.get("lifecycle").asText()).isEqualTo("running");
        assertThat(body.get("outcome").isNull()).isTrue();
        assertThat(body.get("steps")).extracting(s -> s.get("actions").get(0).get("status").asText())
                .containsExactly("success", "running");
    }

    @Test
    void scenarioFilesDeclareTestsStepsAndOutput() {
        Scenario s = Scenario.fromYaml("""
                projects:
                  gh/acme/api:
                    workflows:
                      - name: build
                        jobs:
                          - name: unit
                            outcome: failed
                            tests:
                              - {classname: com.acme.CartTest, name: addsItem, result: failure, message: "boom",
                                 file: src/CartTest.java, run_time: 0.5}
                              - {name: passes}
                            steps:
                              - {name: Run tests, output: "a\\nb\\n", status: failed}
                            output_encoding: gzip
                            output_url_ttl: 0s
                          - name: bulk
                            tests: {success: 2, failure: 3, skipped: 1}
                          - name: old
                            tests: 4
                """);
        JobSpec unit = s.project("gh/acme/api").orElseThrow().workflows().get(0).jobs().get(0);
        assertThat(unit.testResults()).containsExactly(
                new TestSpec("com.acme.CartTest", "addsItem", "src/CartTest.java", "failure", "boom", 0.5, null),
                new TestSpec(null, "passes", null, null, null, 0.1, null));
        assertThat(unit.steps()).containsExactly(StepSpec.failing("Run tests", "a\nb\n"));
        assertThat(unit.outputEncoding()).isEqualTo("gzip");
        assertThat(unit.outputUrlTtl()).isZero();
        JobSpec bulk = s.project("gh/acme/api").orElseThrow().workflows().get(0).jobs().get(1);
        assertThat(bulk.testResults()).extracting(TestSpec::result)
                .containsExactly("success", "success", "failure", "failure", "failure", "skipped");
        assertThat(s.project("gh/acme/api").orElseThrow().workflows().get(0).jobs().get(2).tests()).isEqualTo(4);

        assertThatThrownBy(() -> Scenario.fromYaml("""
                projects:
                  gh/a/b: {workflows: [{name: w, jobs: [{name: j, tests: [{name: t, outcome: failed}]}]}]}
                """)).hasMessageContaining("unknown key 'outcome' at $.projects['gh/a/b'].workflows[0].jobs[0].tests[0]");
        assertThatThrownBy(() -> Scenario.fromYaml("""
                projects:
                  gh/a/b: {workflows: [{name: w, jobs: [{name: j, output_encoding: brotli}]}]}
                """)).hasMessageContaining("output_encoding must be one of [identity, gzip, gzip-body]");
        assertThatThrownBy(() -> Scenario.fromYaml("""
                projects:
                  gh/a/b: {workflows: [{name: w, jobs: [{name: j, steps: [{name: s, status: broken}]}]}]}
                """)).hasMessageContaining("status must be 'success' or 'failed'");
    }

    /** The declared tests' page validates against CircleCI's spec (nulls as CircleCI sends them). */
    @Test
    void declaredTestsPageMatchesTheSpec() throws IOException {
        SpecLocation spec = SpecLocation.find(System.getenv(), System.getProperties(),
                Path.of(System.getProperty("user.dir")));
        Assumptions.assumeTrue(spec.spec().isPresent(), () -> "spec not found: " + spec.describe());
        ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(spec.spec().get()));
        ((ObjectNode) root.get("paths")).retain("/project/{project-slug}/{job-number}/tests");
        nullable(root);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(MAPPER.writeValueAsString(root)).build();
        long job = finishedJob("gh/acme/api");
        for (String query : List.of("", "?page-token=" + http.get("/project/gh/acme/api/" + job + "/tests").json()
                .get("next_page_token").asText())) {
            Http.Reply page = http.get("/project/gh/acme/api/" + job + "/tests" + query);
            ValidationReport report = validator.validateResponse("/api/v2/project/gh%2Facme%2Fapi/" + job + "/tests",
                    Request.Method.GET, SimpleResponse.Builder.status(page.status()).withBody(page.body())
                            .withContentType(page.headers().get("Content-Type")).build());
            assertThat(report.getMessages()).filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR).isEmpty();
        }
    }

    private static void nullable(JsonNode node) {
        if (node.isObject()) {
            if (node.path("x-nullable").asBoolean(false)) {
                ((ObjectNode) node).put("nullable", true);
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                nullable(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(JobOutputTest::nullable);
        }
    }
}
