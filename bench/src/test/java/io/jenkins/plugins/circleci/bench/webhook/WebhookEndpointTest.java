package io.jenkins.plugins.circleci.bench.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.harness.BenchProjects;
import io.jenkins.plugins.circleci.bench.harness.PipelineStarter;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private final List<String> nudged = new CopyOnWriteArrayList<>();
    private volatile String waitedPipeline = "";

    @Test
    void nudgesThePipelineOfEverySignedDeliveryFromTheSimulator() throws Exception {
        ManualClock clock = new ManualClock();
        try (WebhookEndpoint receiver = WebhookEndpoint.start("s3cret", this::record);
             CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock)
                     .scenario(BenchProjects.scenario(List.of(Duration.ofSeconds(5)),
                             new WebhookTarget(receiver.url(), "s3cret", "bench", List.of("workflow-completed"), null)))
                     .webhookPollInterval(null).start()) {
            String id = new PipelineStarter(new PlainApi(new OkHttpClient(), sim.baseUrl(), BenchProjects.TOKEN))
                    .trigger(BenchProjects.slug(0)).id();
            waitedPipeline = id;
            clock.advance(Duration.ofMinutes(1));

            sim.deliverDueWebhooks();

            assertThat(nudged).contains(id);
            assertThat(receiver.accepted()).isEqualTo(1);
            assertThat(receiver.rejected()).isZero();
            assertThat(receiver.nudged()).isEqualTo(1);
        }
    }

    @Test
    void refusesADeliverySignedWithAnotherSecret() throws Exception {
        try (WebhookEndpoint receiver = WebhookEndpoint.start("s3cret", this::record)) {
            Request forged = new Request.Builder().url(receiver.url())
                    .header("circleci-event-type", "workflow-completed")
                    .header("circleci-signature", "v1=" + "0".repeat(64))
                    .post(RequestBody.create("{\"pipeline\":{\"id\":\"p\"}}", MediaType.get("application/json")))
                    .build();
            try (Response response = new OkHttpClient().newCall(forged).execute()) {
                assertThat(response.code()).isEqualTo(403);
            }
            assertThat(nudged).isEmpty();
            assertThat(receiver.rejected()).isEqualTo(1);
        }
    }

    @Test
    void neverShowsTheSecret() throws Exception {
        try (WebhookEndpoint receiver = WebhookEndpoint.start("s3cret-value", this::record)) {
            assertThat(receiver.toString()).doesNotContain("s3cret-value");
        }
    }

    /** A wait on {@link #waitedPipeline} only, known to the endpoint by its pipeline id. */
    private int record(String pipelineOrWorkflowId) {
        nudged.add(pipelineOrWorkflowId);
        return waitedPipeline.equals(pipelineOrWorkflowId) ? 1 : 0;
    }
}
