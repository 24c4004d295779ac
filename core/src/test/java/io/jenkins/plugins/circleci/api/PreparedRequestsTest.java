package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.TOKEN;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static io.jenkins.plugins.circleci.api.ClientFixture.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The client sends a prepared GET again for the same URL, and only for exactly the same URL. */
class PreparedRequestsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);

    private static String page(String item) {
        return "{\"items\": [" + item + "], \"next_page_token\": null}";
    }

    @Test
    void repeatedReadsCarryTheSameHeadersAndDistinctUrlsNeverShareARequest() throws Exception {
        CircleCiClient client = fixture.client();
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, page(workflow("w" + i, "running", null))));
        }
        server.enqueue(json(404, "{\"message\": \"Pipeline not found\"}"));
        for (int i = 0; i < 3; i++) {
            assertThat(client.listWorkflows(PIPELINE_ID)).extracting(w -> w.id()).containsExactly("w" + i);
        }
        // Segments are encoded one by one: an id holding a '/' is another URL than the workflow list.
        try {
            client.withRetryPolicy(RetryPolicy.none()).getPipeline(PIPELINE_ID + "/workflow");
        } catch (io.jenkins.plugins.circleci.api.error.NotFoundException expected) {
            // the answer queued for it
        }
        for (int i = 0; i < 3; i++) {
            RecordedRequest sent = server.takeRequest();
            assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v2/pipeline/" + PIPELINE_ID + "/workflow");
            assertThat(sent.getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
            assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/json");
        }
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/v2/pipeline/" + PIPELINE_ID + "%2Fworkflow");
    }

    @Test
    void aQueryMakesAnotherUrl() throws Exception {
        CircleCiClient client = fixture.client();
        server.enqueue(json(200, "{\"items\": [" + workflow("a", "running", null) + "], \"next_page_token\": \"t\"}"));
        server.enqueue(json(200, page(workflow("b", "running", null))));
        server.enqueue(json(200, "{\"items\": [" + workflow("a", "running", null) + "], \"next_page_token\": \"t\"}"));
        server.enqueue(json(200, page(workflow("c", "running", null))));
        assertThat(client.listWorkflows(PIPELINE_ID)).extracting(w -> w.id()).containsExactly("a", "b");
        assertThat(client.listWorkflows(PIPELINE_ID)).extracting(w -> w.id()).containsExactly("a", "c");
        assertThat(server.takeRequest().getUrl().queryParameter("page-token")).isNull();
        assertThat(server.takeRequest().getUrl().queryParameter("page-token")).isEqualTo("t");
    }
}
