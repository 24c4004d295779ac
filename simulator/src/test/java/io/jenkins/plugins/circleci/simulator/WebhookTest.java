package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import io.jenkins.plugins.circleci.simulator.webhook.WebhookAttempt;
import io.jenkins.plugins.circleci.simulator.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound webhooks reach a real local receiver, signed, and are retried after a failure. */
class WebhookTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the receiver got. */
    record Received(Map<String, String> headers, byte[] body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private String url;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                received.add(new Received(headers, body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private CircleCiSimulator start(ManualClock clock, Duration pollInterval) {
        return CircleCiSimulator.builder().clock(clock).webhookPollInterval(pollInterval)
                .webhookRetryBackoff(Duration.ofMillis(10))
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(30))))
                        .webhook(new WebhookTarget(url, "s3cret", "ci-hook", null, null))
                        .build())
                .start();
    }

    /** Bounded real-time polling: webhooks are delivered by a real-time thread. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void signatureMatchesCircleCisTestVector() {
        assertThat(WebhookSignature.v1("secret", "hello world".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a");
        assertThat(WebhookSignature.header("hunter123", "an-important-request-payload".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1=9be2242094a9a8c00c64306f382a7f9d691de910b4a266f67bd314ef18ac49fa");
    }

    @Test
    void workflowAndJobCompletionsArriveSignedWithTheRealHeadersAndShape() throws Exception {
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = start(clock, Duration.ofMillis(20))) {
            Http http = new Http(sim);
            String id = http.trigger("gh/acme/api");
            clock.advance(Duration.ofMinutes(1));
            await(() -> received.size() >= 2);

            Received job = received.get(0);
            Received workflow = received.get(1);
            for (Received r : received) {
                assertThat(r.headers()).containsEntry("content-type", "application/json")
                        .containsEntry("user-agent", "CircleCI-Webhook/1.0");
                assertThat(r.headers().get("circleci-signature")).isEqualTo("v1=" + WebhookSignature.v1("s3cret", r.body()));
            }
            assertThat(job.headers()).containsEntry("circleci-event-type", "job-completed");
            assertThat(workflow.headers()).containsEntry("circleci-event-type", "workflow-completed");

            JsonNode w = workflow.json();
            assertThat(w.get("type").asText()).isEqualTo("workflow-completed");
            assertThat(w.get("id").asText()).hasSize(36);
            assertThat(w.get("happened_at").asText()).isEqualTo(w.get("workflow").get("stopped_at").asText());
            assertThat(w.get("webhook").get("name").asText()).isEqualTo("ci-hook");
            assertThat(w.get("project").get("slug").asText()).isEqualTo("github/acme/api");
            assertThat(w.get("organization").get("name").asText()).isEqualTo("acme");
            assertThat(w.get("workflow").get("status").asText()).isEqualTo("success");
            assertThat(w.get("workflow").get("url").asText())
                    .isEqualTo(sim.baseUrl() + "/pipelines/github/acme/api/1/workflows/" + w.get("workflow").get("id").asText());
            assertThat(w.get("pipeline").get("id").asText()).isEqualTo(id);
            assertThat(w.get("pipeline").get("trigger").get("type").asText()).isEqualTo("api");
            assertThat(w.get("pipeline").get("vcs").get("branch").asText()).isEqualTo("main");

            JsonNode j = job.json();
            assertThat(j.get("job").get("name").asText()).isEqualTo("test");
            assertThat(j.get("job").get("status").asText()).isEqualTo("success");
            assertThat(j.get("job").has("number")).isTrue();
            assertThat(j.get("workflow").has("status")).as("not included in job-level webhooks").isFalse();

            Thread.sleep(100);
            assertThat(received).as("each event is sent once").hasSize(2);
        }
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameEvent() throws Exception {
        failuresLeft.set(1);
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = start(clock, null)) {
            Http http = new Http(sim);
            http.trigger("gh/acme/api");
            clock.advance(Duration.ofMinutes(1));
            sim.deliverDueWebhooks();
            await(() -> {
                sim.deliverDueWebhooks();
                return received.size() >= 2;
            });
            List<WebhookAttempt> attempts = sim.webhookAttempts();
            assertThat(attempts.get(0).status()).isEqualTo(500);
            assertThat(attempts.get(0).attempt()).isEqualTo(1);
            WebhookAttempt retry = attempts.stream().filter(a -> a.eventId().equals(attempts.get(0).eventId())
                    && a.attempt() == 2).findFirst().orElseThrow();
            assertThat(retry.delivered()).isTrue();
        }
    }

    @Test
    void nothingIsSentBeforeTheSimulatorClockReachesTheCompletion() throws Exception {
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = start(clock, null)) {
            new Http(sim).trigger("gh/acme/api");
            clock.advance(Duration.ofSeconds(20));
            sim.deliverDueWebhooks();
            assertThat(received).isEmpty();
            clock.advance(Duration.ofSeconds(20));
            sim.deliverDueWebhooks();
            assertThat(received).hasSize(2);
        }
    }

    @Test
    void aRerunAfterCompletionIsReportedToo() throws Exception {
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = start(clock, null)) {
            Http http = new Http(sim);
            String id = http.trigger("gh/acme/api");
            clock.advance(Duration.ofMinutes(1));
            sim.deliverDueWebhooks();
            assertThat(received).hasSize(2);
            String wf = http.workflows(id).get(0).get("id").asText();
            assertThat(http.post("/workflow/" + wf + "/rerun", "{}").status()).isEqualTo(202);
            clock.advance(Duration.ofMinutes(1));
            sim.deliverDueWebhooks();
            assertThat(received).hasSize(4);
            assertThat(received.get(3).json().get("workflow").get("id").asText()).isNotEqualTo(wf);
        }
    }

    @Test
    void aWebhookAddedAtRunTimeSeesEarlierPipelines() throws Exception {
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null).start()) {
            new Http(sim).trigger("gh/acme/api");
            sim.addWebhook(new WebhookTarget(url, null, null, List.of("workflow-completed"), null));
            clock.advance(Duration.ofMinutes(1));
            sim.deliverDueWebhooks();
            assertThat(received).hasSize(2); // the default scenario's two workflows
            assertThat(received).allMatch(r -> !r.headers().containsKey("circleci-signature"));
            sim.deliverDueWebhooks();
            assertThat(received).as("nothing twice").hasSize(2);
        }
    }
}
