package io.jenkins.plugins.circleci.api;

import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A client wired to a MockWebServer with a fake clock and sleeper, and canned CircleCI answers. */
final class ClientFixture {
    static final String TOKEN = "CCIPAT_Xq7SecretToken_9f8e7d6c5b4a39281706";
    static final String PIPELINE_ID = "5034460f-c7c4-4c43-9457-de07e2029e7b";
    static final String WORKFLOW_ID = "fda08377-fe7e-46b1-8992-3a7aaecac9c3";
    static final String DEFINITION_ID = "2338d0ae-5541-4bbf-88a2-55e9f7281f80";

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    final FakeSleeper sleeper = new FakeSleeper(clock);
    final MockWebServer server;

    ClientFixture(MockWebServer server) {
        this.server = server;
    }

    /** A builder with a private, generous budget, so that only the test's own pauses matter. */
    CircleCiClient.Builder builder() {
        return CircleCiClient.builder()
                .baseUrl(server.url("/").toString())
                .token(TOKEN)
                .clock(clock)
                .sleeper(sleeper)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .budget(RequestBudget.create(new RateLimit(1000, 1000), clock));
    }

    CircleCiClient client() {
        return builder().build();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    static MockResponse text(int status, String contentType, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", contentType).body(body).build();
    }

    static final String PIPELINE_CREATED = """
            {"number": 2, "state": "pending", "id": "%s", "created_at": "2020-01-15T15:32:36.605Z"}"""
            .formatted(PIPELINE_ID);

    static String workflow(String id, String status, String stoppedAt) {
        return """
                {"id": "%s", "name": "build-test-deploy", "status": "%s", "created_at": "2026-01-15T09:59:00Z",
                 "stopped_at": %s, "pipeline_id": "%s", "pipeline_number": 130,
                 "project_slug": "gh/acme/rocket", "started_by": "8e0a1f46-0d2b-4bb4-a3d1-8f3b5f9b8f11",
                 "some_future_field": {"nested": [1, 2, 3]}}"""
                .formatted(id, status, stoppedAt == null ? "null" : "\"" + stoppedAt + "\"", PIPELINE_ID);
    }
}
