package io.jenkins.plugins.circleci.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading an artifact end to end: the real client over HTTP against the simulator, which redirects to a pre-signed
 * link on another origin. What the storage received shows the token never reached it.
 */
class ArtifactReadAgainstSimulatorTest {
    private static final String TOKEN = "CCIPAT_ArtifactReadToken_5f4e3d2c1b0a";
    private static final String SLUG = "gh/acme/api";
    private static final String REPORT = "{\"lines\": {\"pct\": 91.5}, \"suites\": [\"unit\", \"it\"]}";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private CircleCiSimulator sim;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project(SLUG, p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "success").withArtifactFiles(List.of(
                                        ArtifactSpec.text("reports/coverage.json", REPORT),
                                        ArtifactSpec.text("reports/big.txt", "b".repeat(5000)),
                                        new ArtifactSpec("bin/tool", 0, new byte[] {(byte) 0xc3, 0x28}))))))
                        .build())
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CircleCiClient client(String token) {
        return CircleCiClient.builder().baseUrl(sim.baseUrl()).token(token).clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(1000, 1000), clock))
                .build();
    }

    private Map<String, String> urls(CircleCiClient client) {
        String pipeline = client.trigger(TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main").build())
                .pipeline().orElseThrow().id();
        clock.advance(Duration.ofMinutes(2));
        Job job = client.listJobs(client.listWorkflows(pipeline).get(0).id()).get(0);
        return client.listArtifacts(ProjectSlug.parse(SLUG), job.jobNumber()).stream()
                .collect(java.util.stream.Collectors.toMap(Artifact::path, Artifact::url));
    }

    @Test
    void theContentComesThroughTheRedirectAndTheStorageNeverSawTheToken() {
        CircleCiClient client = client(TOKEN);
        String url = urls(client).get("reports/coverage.json");

        Object json = client.readArtifact(url, 1024 * 1024).json();

        assertThat(json).isEqualTo(Map.of("lines", Map.of("pct", 91.5), "suites", List.of("unit", "it")));
        List<JournalEntry> first = sim.journal().requests("GET", "^/artifacts/");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).status()).isEqualTo(302);
        assertThat(first.get(0).header("circle-token")).isNotNull();
        List<JournalEntry> storage = sim.journal().requests("GET", "^/artifact-storage/");
        assertThat(storage).hasSize(1);
        assertThat(storage.get(0).status()).isEqualTo(200);
        assertThat(storage.get(0).headers().keySet()).doesNotContain("circle-token", "authorization");
        assertThat(storage.get(0).headers().toString()).doesNotContain(TOKEN);
    }

    @Test
    void theCapAppliesToWhatStorageSends() {
        CircleCiClient client = client(TOKEN);
        String url = urls(client).get("reports/big.txt");

        CircleCiException error = catchThrowableOfType(CircleCiException.class, () -> client.readArtifact(url, 4096));

        assertThat(error.getMessage()).contains("larger than the limit of 4096 bytes").doesNotContain("Signature=");
        assertThat(client.readArtifact(url, 5000).text()).hasSize(5000);
    }

    @Test
    void aWrongTokenIsUnauthorizedAndAnExpiredArtifactIsNotFound() {
        String url = urls(client(TOKEN)).get("reports/coverage.json");
        sim.close();
        sim = CircleCiSimulator.builder().clock(clock).scenario(Scenario.builder().validTokens(TOKEN)
                .project(SLUG, p -> p.workflow("build", w -> w.job(JobSpec.build("test", Duration.ofSeconds(30),
                        "success").withArtifacts(1)))).build()).start();
        CircleCiClient client = client(TOKEN);
        String generated = urls(client).get("artifacts/test/file-1.txt");

        UnauthorizedException refused = catchThrowableOfType(UnauthorizedException.class,
                () -> client("CCIPAT_wrong_token_000000000000").readArtifact(generated, 1024));
        assertThat(refused.getMessage()).contains("answered 401").doesNotContain("CCIPAT_wrong");

        clock.advance(Duration.ofDays(31));
        NotFoundException gone = catchThrowableOfType(NotFoundException.class,
                () -> client.readArtifact(generated, 1024));
        assertThat(gone.getMessage()).contains("404", "artifacts/test/file-1.txt", "Artifact not found");
        assertThat(gone.hint()).contains("expired");
        assertThat(url).isNotBlank();
    }

    @Test
    void invalidUtf8IsAClearErrorAndTheBytesAreStillThere() {
        CircleCiClient client = client(TOKEN);
        String url = urls(client).get("bin/tool");

        var content = client.readArtifact(url, 1024);

        assertThat(content.bytes()).containsExactly((byte) 0xc3, 0x28);
        assertThat(catchThrowableOfType(CircleCiException.class, content::text).getMessage())
                .contains("bin/tool", "is not UTF-8 text");
    }
}
