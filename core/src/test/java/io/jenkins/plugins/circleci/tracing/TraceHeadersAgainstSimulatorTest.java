package io.jenkins.plugins.circleci.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.model.Artifact;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.ArtifactSpec;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trace headers on the wire: the real client against the simulator, whose journal shows what each request
 * carried. CircleCI's API gets them; the artifact storage on another origin never does.
 */
class TraceHeadersAgainstSimulatorTest {
    private static final String TOKEN = "CCIPAT_TraceHeadersToken_0a1b2c3d4e";
    private static final String SLUG = "gh/acme/api";
    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final TraceContext TRACE = TraceContext.read(PARENT, "rojo=00f067aa0ba902b7").context();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private CircleCiSimulator sim;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project(SLUG, p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "success").withArtifactFiles(List.of(
                                        ArtifactSpec.text("reports/coverage.json", "{}"))))))
                        .build())
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CircleCiClient client() {
        return CircleCiClient.builder().baseUrl(sim.baseUrl()).token(TOKEN).clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(1000, 1000), clock))
                .build();
    }

    @Test
    void everyApiRequestCarriesTheHeadersAndTheStorageNeverSeesThem() {
        CircleCiClient traced = client().withTraceContext(TRACE);
        String pipeline = traced.trigger(TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main").build())
                .pipeline().orElseThrow().id();
        clock.advance(Duration.ofMinutes(2));
        // The watcher's client (no retries) keeps the headers too.
        CircleCiClient watching = traced.withRetryPolicy(RetryPolicy.none());
        Job job = watching.listJobs(watching.listWorkflows(pipeline).get(0).id()).get(0);
        Artifact artifact = traced.listArtifacts(ProjectSlug.parse(SLUG), job.jobNumber()).get(0);
        assertThat(traced.readArtifact(artifact.url(), 1024).json()).isNotNull();

        List<JournalEntry> all = sim.journal().entries();
        List<JournalEntry> storage = sim.journal().requests("GET", "^/artifact-storage/");
        assertThat(storage).hasSize(1);
        assertThat(storage.get(0).status()).isEqualTo(200);
        assertThat(storage.get(0).header("traceparent")).isNull();
        assertThat(storage.get(0).header("tracestate")).isNull();
        List<JournalEntry> api = all.stream().filter(e -> !storage.contains(e)).toList();
        assertThat(api).extracting(JournalEntry::method).contains("POST", "GET");
        assertThat(api).as("the trigger, the reads and the artifact's first hop").hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(e -> {
                    assertThat(e.header("traceparent")).as(e.toString()).isEqualTo(PARENT);
                    assertThat(e.header("tracestate")).as(e.toString()).isEqualTo("rojo=00f067aa0ba902b7");
                });
        assertThat(sim.journal().requests("POST", "/pipeline$").get(0).status()).isEqualTo(201);
    }

    @Test
    void aClientWithoutATraceSendsNoHeadersAndTheTracedOneLeavesItsParentAlone() {
        CircleCiClient plain = client();
        plain.withTraceContext(TRACE);
        plain.trigger(TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main").build());

        JournalEntry trigger = sim.journal().requests("POST", "/pipeline$").get(0);
        assertThat(trigger.header("traceparent")).isNull();
        assertThat(trigger.header("tracestate")).isNull();
    }

    @Test
    void theHeadersGoToTheApiOriginOnlyNotToAnotherPortOrSchemeOfTheSameHost() {
        HttpUrl api = HttpUrl.get("https://circleci.example.com/api/v2");
        TraceHeaders headers = TraceHeaders.forOrigin(TRACE, api);
        assertThat(headers.appliesTo(HttpUrl.get("https://circleci.example.com/api/v2/pipeline/x"))).isTrue();
        assertThat(headers.appliesTo(HttpUrl.get("https://circleci.example.com:443/artifacts/a"))).isTrue();
        assertThat(headers.appliesTo(HttpUrl.get("http://circleci.example.com/api/v2/pipeline/x"))).isFalse();
        assertThat(headers.appliesTo(HttpUrl.get("https://circleci.example.com:8443/api/v2"))).isFalse();
        assertThat(headers.appliesTo(HttpUrl.get("https://output.circle-artifacts.com/a"))).isFalse();
        assertThat(headers.appliesTo(HttpUrl.get("https://circleci.example.com.evil.test/api/v2"))).isFalse();
    }
}
