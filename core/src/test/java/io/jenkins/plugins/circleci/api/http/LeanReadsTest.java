package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.PipelineState;
import io.jenkins.plugins.circleci.api.model.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** What the shortcuts of the read path must leave as it was: which URL is sent, and what a body binds to. */
class LeanReadsTest {
    private static final String USER = "{\"id\": \"u\", \"login\": \"l\", \"name\": \"n\"}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private ApiTransport transport() {
        Clock clock = Clock.systemUTC();
        return new ApiTransport(
                ApiTransport.configure(new OkHttpClient.Builder(), Duration.ofSeconds(5), Duration.ofSeconds(5))
                        .build(),
                ApiBaseUrl.parse(server.url("/").toString()), "token",
                RequestBudget.create(new RateLimit(1000, 1000), clock), RetryPolicy.none(), clock,
                duration -> {}, Duration.ofSeconds(5));
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void theSameSegmentsUnderAnotherApiVersionAreAnotherUrl() throws Exception {
        ApiTransport transport = transport();
        ApiCall v2 = ApiCall.get("the token's user", "me");
        for (int i = 0; i < 2; i++) {
            server.enqueue(json(USER));
            server.enqueue(json(USER));
            transport.read(v2, User.class);
            transport.read(v2.inApiVersion("v1.1"), User.class);
        }

        for (int i = 0; i < 2; i++) {
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v2/me");
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1.1/me");
        }
    }

    @Test
    void unknownPropertiesOfEveryShapeAndPlaceAreSkippedAndTheKnownOnesStillBound() {
        server.enqueue(json("""
                {"unknown_first": {"id": "not-the-pipeline", "state": "errored", "deep": [[{"number": 9}]]},
                 "id": "p1", "extra_list": [1, "two", null, {"x": [true]}], "number": 7,
                 "state": "created", "extra_null": null, "extra_number": 1.5e3,
                 "created_at": "2026-01-15T09:59:00.123Z",
                 "vcs": {"branch": "main", "unknown_in_vcs": {"branch": "other"}, "revision": "abc"},
                 "trigger": {"type": "api", "unknown": [{}], "actor": {"login": "l", "extra": 1}},
                 "errors": [{"type": "config", "message": "m", "unknown": {"a": 1}}],
                 "unknown_last": "x"}"""));

        Pipeline pipeline = transport().read(ApiCall.get("pipeline p1", "pipeline", "p1"), Pipeline.class);

        assertThat(pipeline.id()).isEqualTo("p1");
        assertThat(pipeline.number()).isEqualTo(7);
        assertThat(pipeline.state()).isEqualTo(PipelineState.CREATED);
        assertThat(pipeline.createdAt()).isEqualTo(Instant.parse("2026-01-15T09:59:00.123Z"));
        assertThat(pipeline.vcs().branch()).isEqualTo("main");
        assertThat(pipeline.vcs().revision()).isEqualTo("abc");
        assertThat(pipeline.errors()).hasSize(1);
        assertThat(pipeline.errors().get(0).message()).isEqualTo("m");
    }

    @Test
    void garbageInsideAnUnknownPropertyIsStillAMalformedAnswer() {
        server.enqueue(json("{\"id\": \"p1\", \"unknown\": {\"a\": [1, 2}, \"state\": \"created\"}"));

        assertThatThrownBy(() -> transport().read(ApiCall.get("pipeline p1", "pipeline", "p1"), Pipeline.class))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("pipeline p1");
    }
}
