package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.webhook.WebhookAttempt;
import io.jenkins.plugins.circleci.webhook.WebhookReceiver;
import io.jenkins.plugins.circleci.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end without Jenkins: the simulator's signed outbound webhooks reach a {@link WebhookReceiver}
 * behind a JDK HTTP server, which nudges the waiting {@link PipelineWatcher}. Polls are an hour apart on a virtual
 * clock, so a wait that ends minutes after the trigger can only have ended because of the webhook.
 */
class WebhookNudgeAgainstSimulatorTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SLUG = "gh/acme/api";
    private static final String SECRET = "simulated-signing-secret";
    private static final Duration POLL = Duration.ofHours(1);
    private static final WatchOptions OPTIONS = WatchOptions.builder().timeout(Duration.ofHours(6))
            .pollInterval(POLL, POLL).build();

    private final ManualClock clock = new ManualClock(START);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private final PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, false,
            RandomGenerator.of("L64X128MixRandom"));
    private HttpServer jenkins;
    private CircleCiSimulator sim;
    private CircleCiClient client;

    @BeforeEach
    void start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(() -> SECRET, watcher::nudge);
        jenkins = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jenkins.createContext("/circleci-webhook/", exchange -> answer(exchange, receiver));
        jenkins.start();
        String webhookUrl = "http://127.0.0.1:" + jenkins.getAddress().getPort() + "/circleci-webhook/";
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project(SLUG, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(40))))
                        .webhook(webhookUrl, SECRET).build())
                .start();
        client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token("sim-token").clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(50, 100), clock)).build();
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        jenkins.stop(0);
    }

    private static void answer(HttpExchange exchange, WebhookReceiver receiver) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            WebhookResponse response = receiver.receive(exchange.getRequestMethod(),
                    exchange.getRequestHeaders()::getFirst, body);
            byte[] text = response.message().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        }
    }

    private WatchHandle triggerAndWatch() {
        TriggeredPipeline triggered = PipelineTrigger.trigger(client,
                TriggerRequest.builder(ProjectSlug.parse(SLUG)).branch("main").build(), listener);
        return watcher.watch(client, WatchState.forTriggered(triggered.pipeline(), clock.instant(), OPTIONS),
                OPTIONS, listener);
    }

    @Test
    void theWorkflowCompletedWebhookEndsTheWaitLongBeforeTheNextPoll() {
        WatchHandle handle = triggerAndWatch();
        String pipelineId = handle.state().pipelineId();
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(sim.completedAt(pipelineId)).as("CircleCI is done").isPresent();
        assertThat(handle.outcome()).as("no poll since the pipeline finished").isNotDone();
        long readsBefore = sim.requestCount(pipelineId);

        sim.deliverDueWebhooks();
        scheduler.advance(Duration.ZERO);

        assertThat(sim.webhookAttempts()).extracting(WebhookAttempt::eventType)
                .containsExactlyInAnyOrder("job-completed", "workflow-completed");
        assertThat(sim.webhookAttempts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(handle.outcome()).isDone();
        assertThat(handle.outcome().join().result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(clock.instant()).as("ended when the webhook came, not at the next poll")
                .isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(sim.requestCount(pipelineId) - readsBefore).as("one look after the nudge")
                .isBetween(1L, 2L);
    }

    @Test
    void withoutTheWebhookTheSameWaitEndsOnlyAtItsNextPoll() {
        WatchHandle handle = triggerAndWatch();
        scheduler.advance(Duration.ofMinutes(2));

        assertThat(scheduler.runUntil(() -> handle.outcome().isDone(), Duration.ofHours(3))).isTrue();

        assertThat(handle.outcome().join().result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(clock.instant()).isAfter(START.plus(POLL.multipliedBy(4).dividedBy(5)));
    }
}
