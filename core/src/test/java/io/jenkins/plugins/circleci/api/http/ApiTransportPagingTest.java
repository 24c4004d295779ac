package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.model.Job;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ApiTransportPagingTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void aServerThatPagesWithoutEndIsStoppedAtTheBound() {
        AtomicInteger pages = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200)
                        .body("{\"items\": [], \"next_page_token\": \"t" + pages.incrementAndGet() + "\"}").build();
            }
        });
        Clock clock = Clock.systemUTC();
        ApiTransport transport = new ApiTransport(
                ApiTransport.configure(new OkHttpClient.Builder(), Duration.ofSeconds(5), Duration.ofSeconds(5))
                        .build(),
                ApiBaseUrl.parse(server.url("/").toString()), "token",
                RequestBudget.create(new RateLimit(1000, 1000), clock), RetryPolicy.none(), clock,
                duration -> {}, Duration.ofSeconds(5));

        assertThatThrownBy(() -> transport.fetchAll(ApiCall.get("jobs of workflow wf", "workflow", "wf", "job"),
                Job.class, 7))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("after 7 pages it sent yet another next_page_token", "never end");
        assertThat(server.getRequestCount()).isEqualTo(7);
    }
}
