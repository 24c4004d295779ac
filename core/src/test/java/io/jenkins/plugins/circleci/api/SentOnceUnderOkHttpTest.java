package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_CREATED;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What OkHttp itself would re-send behind our back: a 503 that says {@code Retry-After: 0} makes OkHttp repeat the
 * request inside one call, whatever {@code retryOnConnectionFailure} says. A trigger must still reach CircleCI once.
 */
class SentOnceUnderOkHttpTest {
    private final MockWebServer server = new MockWebServer();
    private final ClientFixture fixture = new ClientFixture(server);

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTriggerAnswered503WithRetryAfterZeroIsAnUnknownOutcomeSentOnce() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0")
                .setHeader("Content-Type", "application/json").body("{\"message\": \"busy\"}").build());
        server.enqueue(json(201, PIPELINE_CREATED));

        assertThatThrownBy(() -> fixture.client().trigger(TriggerRequest.builder(ProjectSlug.parse("gh/acme/api"))
                .branch("main").build())).isInstanceOf(TriggerOutcomeUnknownException.class)
                .hasMessageContaining("not re-sent");
        assertThat(server.getRequestCount()).as("one POST on the wire").isEqualTo(1);
    }
}
