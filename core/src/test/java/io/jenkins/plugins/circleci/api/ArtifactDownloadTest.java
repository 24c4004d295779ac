package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.circleci.api.error.CircleCiApiException;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
import io.jenkins.plugins.circleci.api.model.ArtifactContent;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * An artifact's content: the redirect to pre-signed storage is followed without the token, the size is capped, and
 * each way it can go wrong says so clearly, never with the token or a link's signature.
 */
class ArtifactDownloadTest {
    private static final long MIB = 1024 * 1024;

    @StartStop
    final MockWebServer circleci = new MockWebServer();

    @StartStop
    final MockWebServer storage = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(circleci);

    private String artifactUrl() {
        return circleci.url("/artifacts/gh/acme/api/7/0/reports/coverage.json").toString();
    }

    private String presigned() {
        return storage.url("/bucket/7/coverage.json").newBuilder().addQueryParameter("X-Amz-Signature", "sig-s3cr3t")
                .build().toString();
    }

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder().code(302).setHeader("Location", location).build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void theContentIsReadThroughTheRedirectAndTheTokenNeverReachesTheStorage() throws Exception {
        circleci.enqueue(redirect(presigned()));
        storage.enqueue(ok("{\"lines\": {\"pct\": 91.5}, \"files\": [\"a\", \"b\"], \"ok\": true}"));

        ArtifactContent content = fixture.client().readArtifact(artifactUrl(), MIB);

        assertThat(content.json()).isEqualTo(Map.of("lines", Map.of("pct", 91.5), "files", List.of("a", "b"),
                "ok", true));
        RecordedRequest first = circleci.takeRequest();
        assertThat(first.getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
        RecordedRequest second = storage.takeRequest();
        assertThat(second.getUrl().queryParameter("X-Amz-Signature")).isEqualTo("sig-s3cr3t");
        assertThat(second.getHeaders().names()).doesNotContain("Circle-Token", "Authorization");
        assertThat(second.getHeaders().toString()).doesNotContain(TOKEN);
    }

    @Test
    void aRedirectWithinCircleCiKeepsTheTokenAndOneToAnotherPortDropsIt() throws Exception {
        circleci.enqueue(redirect("/output/job/0/reports/coverage.json"));
        circleci.enqueue(redirect(presigned()));
        storage.enqueue(ok("plain text"));

        assertThat(fixture.client().readArtifact(artifactUrl(), MIB).text()).isEqualTo("plain text");

        assertThat(circleci.takeRequest().getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
        assertThat(circleci.takeRequest().getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
        // The same host name on another port is another origin: no token there either.
        assertThat(storage.takeRequest().getHeaders().get("Circle-Token")).isNull();
    }

    @Test
    void aUrlOutsideCircleCiIsRefusedBeforeAnythingIsSent() {
        InvalidRequestException error = catchThrowableOfType(InvalidRequestException.class,
                () -> fixture.client().readArtifact(storage.url("/steal").toString(), MIB));

        assertThat(error.getMessage()).contains("is not on CircleCI", "the token is sent nowhere else");
        assertThat(storage.getRequestCount()).isZero();
        assertThat(circleci.getRequestCount()).isZero();
    }

    @Test
    void aTokenInTheUrlIsRefusedAndNotShown() {
        InvalidRequestException error = catchThrowableOfType(InvalidRequestException.class,
                () -> fixture.client().readArtifact(artifactUrl() + "?circle-token=" + TOKEN, MIB));

        assertThat(error.getMessage()).contains("circle-token in its query").doesNotContain(TOKEN);
        assertThat(circleci.getRequestCount()).isZero();
    }

    @Test
    void onCloudOnlyCircleCisArtifactHostGetsTheToken() {
        CircleCiClient cloud = CircleCiClient.builder().token(TOKEN).build();

        InvalidRequestException error = catchThrowableOfType(InvalidRequestException.class,
                () -> cloud.readArtifact("https://circle-artifacts.com.evil.example/0/x.json", MIB));
        assertThat(error.getMessage()).contains("https://circleci.com or https://*.circle-artifacts.com");
        InvalidRequestException plainHttp = catchThrowableOfType(InvalidRequestException.class,
                () -> cloud.readArtifact("http://7-123-gh.circle-artifacts.com/0/x.json", MIB));
        assertThat(plainHttp).isNotNull();
    }

    @Test
    void moreThanTheCapFailsClearly() {
        circleci.enqueue(redirect(presigned()));
        storage.enqueue(ok("x".repeat(2000)));

        CircleCiException error = catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readArtifact(artifactUrl(), 1000));

        assertThat(error.getMessage()).contains("larger than the limit of 1000 bytes", "nothing of it is returned")
                .doesNotContain("sig-s3cr3t");
        assertThat(error.hint()).contains("maxBytes");
    }

    @Test
    void aBodyWithoutLengthIsCappedWhileRead() {
        circleci.enqueue(new MockResponse.Builder().code(200).chunkedBody("y".repeat(5000), 100).build());

        CircleCiException error = catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readArtifact(artifactUrl(), 4096));

        assertThat(error.getMessage()).contains("larger than the limit of 4096 bytes");
    }

    @Test
    void exactlyTheCapIsFine() {
        circleci.enqueue(ok("z".repeat(1000)));

        assertThat(fixture.client().readArtifact(artifactUrl(), 1000).text()).hasSize(1000);
    }

    @Test
    void aMissingArtifactIsANotFoundThatMentionsExpiry() {
        circleci.enqueue(new MockResponse.Builder().code(404).body("Artifact not found").build());

        NotFoundException error = catchThrowableOfType(NotFoundException.class,
                () -> fixture.client().readArtifact(artifactUrl(), MIB));

        assertThat(error.getMessage()).contains("answered 404", "reports/coverage.json", "Artifact not found");
        assertThat(error.hint()).contains("expired", "30 days");
    }

    @Test
    void anExpiredPresignedLinkSaysSoWithoutItsSignature() {
        circleci.enqueue(redirect(presigned()));
        storage.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "application/xml")
                .body("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>Request has expired"
                        + "</Message></Error>").build());

        CircleCiApiException error = catchThrowableOfType(CircleCiApiException.class,
                () -> fixture.client().readArtifact(artifactUrl(), MIB));

        assertThat(error.getMessage()).contains("pre-signed storage link", "403", "AccessDenied: Request has expired")
                .doesNotContain("sig-s3cr3t", "X-Amz-Signature");
        assertThat(error.isRetryable()).isFalse();
    }

    @Test
    void withoutAValidTokenTheAnswerIsUnauthorized() {
        circleci.enqueue(ClientFixture.json(401, "{\"message\":\"You must log in first.\"}"));

        UnauthorizedException error = catchThrowableOfType(UnauthorizedException.class,
                () -> fixture.client().readArtifact(artifactUrl(), MIB));

        assertThat(error.getMessage()).contains("401", "You must log in first.").doesNotContain(TOKEN);
        assertThat(error.hint()).contains("personal API token");
    }

    @Test
    void aServerErrorIsRetriedFromTheFirstHop() throws Exception {
        circleci.enqueue(ClientFixture.json(503, "{\"message\":\"Service unavailable.\"}"));
        circleci.enqueue(redirect(presigned()));
        storage.enqueue(ok("[1, 2]"));

        assertThat(fixture.client().readArtifact(artifactUrl(), MIB).json()).isEqualTo(List.of(1, 2));
        assertThat(circleci.getRequestCount()).isEqualTo(2);
    }

    @Test
    void eachRequestToCircleCiDrawsOnTheSharedBudgetAndTheStorageOnesDoNot() {
        RequestBudget budget = RequestBudget.create(new RateLimit(0.001, 3), fixture.clock);
        CircleCiClient client = fixture.builder().budget(budget).build();
        circleci.enqueue(redirect("/output/job/0/reports/coverage.json"));
        circleci.enqueue(redirect(presigned()));
        storage.enqueue(ok("{}"));

        client.readArtifact(artifactUrl(), MIB);

        // Two CircleCI hops took two of the three permits; the storage hop took none.
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void a429PausesTheSharedBudgetAndTheReadIsRetriedAfterRetryAfter() throws Exception {
        RequestBudget budget = RequestBudget.create(new RateLimit(1000, 1000), fixture.clock);
        CircleCiClient client = fixture.builder().budget(budget).build();
        circleci.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("Rate limited.")
                .build());
        circleci.enqueue(ok("[]"));

        assertThat(client.readArtifact(artifactUrl(), MIB).json()).isEqualTo(List.of());
        assertThat(fixture.sleeper.total()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(7));
        assertThat(circleci.getRequestCount()).isEqualTo(2);
    }

    @Test
    void endlessRedirectsStop() {
        for (int i = 0; i < 10; i++) {
            circleci.enqueue(redirect("/artifacts/loop"));
        }

        CircleCiException error = catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readArtifact(artifactUrl(), MIB));

        assertThat(error.getMessage()).contains("more than 5 redirects");
        assertThat(circleci.getRequestCount()).isEqualTo(6);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAsText() throws Exception {
        Buffer binary = new Buffer().write(new byte[] {'P', 'K', 3, 4, (byte) 0xff, (byte) 0xfe, 0, 1});
        circleci.enqueue(new MockResponse.Builder().code(200).body(binary).build());

        ArtifactContent content = fixture.client().readArtifact(artifactUrl(), MIB);

        assertThat(content.size()).isEqualTo(8);
        CircleCiException error = catchThrowableOfType(CircleCiException.class, content::text);
        assertThat(error.getMessage()).contains("is not UTF-8 text", "8 bytes", "offset 4");
        assertThat(error.hint()).contains("download binary ones on an agent");
    }

    @Test
    void garbageIsNotJsonAndTheMessageSaysWhere() {
        circleci.enqueue(ok("{\"lines\": 91.5,\n \"oops\" 3}"));

        ArtifactContent content = fixture.client().readArtifact(artifactUrl(), MIB);

        CircleCiException error = catchThrowableOfType(CircleCiException.class, content::json);
        assertThat(error.getMessage()).contains("is not valid JSON at line 2", "reports/coverage.json");
        assertThat(content.text()).startsWith("{\"lines\"");
    }

    @Test
    void trailingGarbageAndDuplicateKeysAreNotJsonEither() {
        assertThat(catchThrowableOfType(CircleCiException.class,
                () -> new ArtifactContent("a", "{} {}".getBytes()).json())).isNotNull();
        assertThat(catchThrowableOfType(CircleCiException.class,
                () -> new ArtifactContent("a", "{\"a\":1,\"a\":2}".getBytes()).json())).isNotNull();
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', ']'};
        assertThat(new ArtifactContent("a", bom).json()).isEqualTo(List.of());
    }

    @Test
    void aCapOutsideItsRangeIsRefused() {
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> fixture.client().readArtifact(artifactUrl(), 0))).isNotNull();
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> fixture.client().readArtifact(artifactUrl(), 65 * MIB)).getMessage()).contains("64 MiB");
    }
}
