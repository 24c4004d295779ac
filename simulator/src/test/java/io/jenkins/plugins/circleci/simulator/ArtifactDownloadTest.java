package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.ArtifactSpec;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Artifact URLs are served like CircleCI's: the token on the first hop, a 302 to a short-lived pre-signed link on
 * another origin (the storage listener), the stored bytes there. Read with the JDK's HTTP client, not OkHttp.
 */
class ArtifactDownloadTest {
    private static final String REPORT = "{\"lines\": {\"pct\": 91.5}}";
    private static final byte[] BINARY = {'P', 'K', 3, 4, (byte) 0xff, 0};

    private final ManualClock clock = new ManualClock();
    private final HttpClient jdk = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private CircleCiSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "success").withArtifactFiles(List.of(
                                        ArtifactSpec.text("reports/coverage.json", REPORT),
                                        new ArtifactSpec("dist/app bundle.zip", 1, BINARY))))))
                        .project("gh/acme/counted", p -> p.workflow("build", w -> w.job(JobSpec
                                .build("test", Duration.ofSeconds(30), "success").withArtifacts(2))))
                        .build())
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode artifacts(String slug) {
        String id = http.trigger(slug);
        clock.advance(Duration.ofMinutes(2));
        String workflow = http.workflows(id).get(0).get("id").asText();
        long job = http.jobs(workflow).get(0).get("job_number").asLong();
        return http.get("/project/" + slug + "/" + job + "/artifacts").json().get("items");
    }

    private HttpResponse<byte[]> get(String url, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(b::header);
        return jdk.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theUrlRedirectsWithTheTokenToStorageOnAnotherOriginThatServesTheContent() throws Exception {
        JsonNode items = artifacts("gh/acme/api");
        JsonNode report = items.get(0);
        assertThat(report.get("path").asText()).isEqualTo("reports/coverage.json");
        assertThat(report.get("url").asText()).matches(sim.baseUrl()
                .replace(".", "\\.") + "/artifacts/gh/acme/api/\\d+/0/reports/coverage\\.json");

        HttpResponse<byte[]> first = get(report.get("url").asText(), Map.of("Circle-Token", Http.TOKEN));
        assertThat(first.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(sim.storageBaseUrl() + "/artifact-storage/gh/acme/api/")
                .contains("?Expires=", "&Signature=");
        assertThat(sim.storageBaseUrl()).isNotEqualTo(sim.baseUrl());

        HttpResponse<byte[]> second = get(location, Map.of());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo(REPORT);
        JournalEntry stored = sim.journal().requests("GET", "^/artifact-storage/").get(0);
        assertThat(stored.header("circle-token")).isNull();
    }

    @Test
    void theFirstHopNeedsAValidToken() throws Exception {
        String url = artifacts("gh/acme/api").get(0).get("url").asText();

        assertThat(get(url, Map.of()).statusCode()).isEqualTo(401);
        assertThat(get(url, Map.of("Authorization", "Bearer " + Http.TOKEN)).statusCode()).isEqualTo(302);
    }

    @Test
    void theStorageServesOnlyOnItsOwnListenerAndTheApiListenerNotTheStorage() throws Exception {
        String url = artifacts("gh/acme/api").get(0).get("url").asText();
        String location = get(url, Map.of("Circle-Token", Http.TOKEN)).headers().firstValue("Location")
                .orElseThrow();

        String onApiPort = location.replace(sim.storageBaseUrl(), sim.baseUrl());
        assertThat(get(onApiPort, Map.of()).statusCode()).isEqualTo(404);
        String artifactOnStoragePort = url.replace(sim.baseUrl(), sim.storageBaseUrl());
        HttpResponse<byte[]> refused = get(artifactOnStoragePort, Map.of("Circle-Token", Http.TOKEN));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("<Code>NoSuchBucket</Code>");
    }

    @Test
    void binaryContentOnAnotherNodeWithASpaceInItsPathIsServedAsStored() throws Exception {
        JsonNode zip = artifacts("gh/acme/api").get(1);
        assertThat(zip.get("node_index").asInt()).isEqualTo(1);
        assertThat(zip.get("url").asText()).endsWith("/1/dist/app%20bundle.zip");

        String location = get(zip.get("url").asText(), Map.of("Circle-Token", Http.TOKEN)).headers()
                .firstValue("Location").orElseThrow();
        assertThat(get(location, Map.of()).body()).isEqualTo(BINARY);
    }

    @Test
    void theLinkExpiresItsSignatureIsCheckedAndAnAuthorizationHeaderIsRefused() throws Exception {
        String url = artifacts("gh/acme/api").get(0).get("url").asText();
        String location = get(url, Map.of("Circle-Token", Http.TOKEN)).headers().firstValue("Location")
                .orElseThrow();

        HttpResponse<byte[]> twoAuths = get(location, Map.of("Authorization", "Bearer x"));
        assertThat(twoAuths.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> altered = get(location.replace("coverage.json", "other.json"), Map.of());
        assertThat(new String(altered.body(), StandardCharsets.UTF_8)).contains("SignatureDoesNotMatch");
        clock.advance(Duration.ofSeconds(61));
        HttpResponse<byte[]> expired = get(location, Map.of());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("<Code>AccessDenied</Code>",
                "Request has expired");
    }

    @Test
    void anUnknownPathAndAnArtifactPastItsRetentionAre404() throws Exception {
        String url = artifacts("gh/acme/api").get(0).get("url").asText();

        assertThat(get(url.replace("coverage.json", "nope.json"), Map.of("Circle-Token", Http.TOKEN)).statusCode())
                .isEqualTo(404);
        clock.advance(Duration.ofDays(31));
        HttpResponse<byte[]> gone = get(url, Map.of("Circle-Token", Http.TOKEN));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).isEqualTo("Artifact not found");
    }

    @Test
    void countedArtifactsCarryGeneratedText() throws Exception {
        JsonNode items = artifacts("gh/acme/counted");
        assertThat(items).hasSize(2);
        String location = get(items.get(1).get("url").asText(), Map.of("Circle-Token", Http.TOKEN)).headers()
                .firstValue("Location").orElseThrow();
        assertThat(new String(get(location, Map.of()).body(), StandardCharsets.UTF_8))
                .isEqualTo("artifact 2 of job test\n");
    }

    @Test
    void aScenarioFileDeclaresArtifactsWithTextOrBase64Content() {
        Scenario scenario = Scenario.fromYaml("""
                projects:
                  gh/acme/api:
                    workflows:
                      - name: build
                        jobs:
                          - name: test
                            artifacts:
                              - {path: reports/coverage.json, content: '{"lines": 1}'}
                              - {path: bin/tool, content_base64: UEsDBA==, node_index: 2}
                """);
        List<ArtifactSpec> files = scenario.project("gh/acme/api").orElseThrow().workflows().get(0).jobs().get(0)
                .storedArtifacts();
        assertThat(files).containsExactly(ArtifactSpec.text("reports/coverage.json", "{\"lines\": 1}"),
                new ArtifactSpec("bin/tool", 2, new byte[] {'P', 'K', 3, 4}));
    }
}
