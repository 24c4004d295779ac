package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_CREATED;
import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.WORKFLOW_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static io.jenkins.plugins.circleci.api.ClientFixture.text;
import static io.jenkins.plugins.circleci.api.ClientFixture.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.circleci.api.error.CircleCiConnectionException;
import io.jenkins.plugins.circleci.api.error.CircleCiInterruptedException;
import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.error.OutcomeUnknownException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException;
import io.jenkins.plugins.circleci.api.model.TriggerResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CircleCiClientRetryTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);

    private static final TriggerRequest TRIGGER = TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket"))
            .branch("main").build();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void waitingForTheBudgetEndsEvenWhenTheClockDoesNotMove() {
        // A test's manual clock that nobody advances: the wait for a permit must still end, bounded by what was slept.
        MutableClock frozen = new MutableClock(java.time.Instant.parse("2026-01-15T10:00:00Z"));
        java.util.List<Duration> naps = new java.util.ArrayList<>();
        RequestBudget budget = RequestBudget.create(new RateLimit(1, 1), frozen);
        assertThat(budget.tryAcquire()).isTrue();
        CircleCiClient client = CircleCiClient.builder()
                .baseUrl(server.url("/").toString())
                .token(ClientFixture.TOKEN)
                .clock(frozen)
                .sleeper(naps::add)
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .budget(budget)
                .build();

        assertThatThrownBy(() -> client.getPipeline(PIPELINE_ID)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("used up by other callers");
        assertThat(naps.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isZero();
    }

    private static MockResponse droppedAfterTheRequestArrived() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    @Test
    void aReadIsRetriedAfterA5xx() {
        server.enqueue(json(502, "{\"message\": \"Bad gateway\"}"));
        server.enqueue(json(200, workflow(WORKFLOW_ID, "success", "2026-01-15T10:00:00Z")));

        assertThat(fixture.client().getWorkflow(WORKFLOW_ID).id()).isEqualTo(WORKFLOW_ID);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(fixture.sleeper.sleeps()).singleElement()
                .satisfies(d -> assertThat(d).isLessThanOrEqualTo(RetryPolicy.defaults().initialBackoff()));
    }

    @Test
    void aClientWithoutRetriesSharesTheBudgetAndFailsAtTheFirst5xx() throws InterruptedException {
        server.enqueue(json(502, "{\"message\": \"Bad gateway\"}"));
        server.enqueue(json(200, workflow(WORKFLOW_ID, "success", "2026-01-15T10:00:00Z")));
        CircleCiClient retrying = fixture.client();

        CircleCiClient once = retrying.withRetryPolicy(RetryPolicy.none());

        assertThatThrownBy(() -> once.getWorkflow(WORKFLOW_ID)).isInstanceOf(ServerErrorException.class);
        assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
        assertThat(fixture.sleeper.sleeps()).as("never slept").isEmpty();
        assertThat(once.budget()).isSameAs(retrying.budget());
        assertThat(once.baseUrl()).isEqualTo(retrying.baseUrl());
        assertThat(once.getWorkflow(WORKFLOW_ID).id()).as("same host and token").isEqualTo(WORKFLOW_ID);
        assertThat(server.takeRequest().getHeaders().get("Circle-Token")).isEqualTo(ClientFixture.TOKEN);
    }

    @Test
    void aReadIsRetriedAfterADroppedConnection() {
        server.enqueue(droppedAfterTheRequestArrived());
        server.enqueue(json(200, workflow(WORKFLOW_ID, "running", null)));

        assertThat(fixture.client().getWorkflow(WORKFLOW_ID).id()).isEqualTo(WORKFLOW_ID);

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aReadIsRetriedAfterAMalformedBody() {
        server.enqueue(text(200, "text/html", "<html><title>Proxy hiccup</title></html>"));
        server.enqueue(json(200, workflow(WORKFLOW_ID, "running", null)));

        assertThat(fixture.client().getWorkflow(WORKFLOW_ID).id()).isEqualTo(WORKFLOW_ID);
    }

    @Test
    void aListWithANullItemIsMalformedAndReadAgainNeverShortened() {
        String failed = workflow("b1b3f1a4-8d0e-4d4e-9a55-2f1c0c0c0c01", "failed", "2026-01-15T10:00:00Z");
        String success = workflow(WORKFLOW_ID, "success", "2026-01-15T10:00:00Z");
        server.enqueue(json(200, "{\"items\": [null, " + success + "], \"next_page_token\": null}"));
        server.enqueue(json(200, "{\"items\": [" + failed + ", " + success + "], \"next_page_token\": null}"));

        assertThat(fixture.client().listWorkflows(PIPELINE_ID)).extracting(w -> w.status().value())
                .containsExactly("failed", "success");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aListThatKeepsSendingANullItemFailsAsMalformed() {
        server.enqueue(json(200, "{\"items\": [null], \"next_page_token\": null}"));

        assertThatThrownBy(() -> fixture.builder().retryPolicy(RetryPolicy.none()).build()
                .listWorkflows(PIPELINE_ID))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not the JSON the API documents");
    }

    @Test
    void cancelAndApproveAreRetriedAfterA5xx() {
        server.enqueue(json(500, "{\"message\": \"Internal server error.\"}"));
        server.enqueue(json(202, "{\"message\": \"Accepted.\"}"));
        server.enqueue(json(503, ""));
        server.enqueue(json(202, "{\"message\": \"Accepted.\"}"));
        CircleCiClient client = fixture.client();

        client.cancelWorkflow(WORKFLOW_ID);
        client.approve(WORKFLOW_ID, "approval-1");

        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aCancelOrApprovalAnsweredWithSomethingOtherThanJsonIsNotTakenAsAccepted() {
        // A body cut short, or a proxy's page: CircleCI may not have carried it out, so it is a malformed answer
        // (retryable), never an acceptance.
        server.enqueue(json(200, "{\"message\": \"Acc"));
        server.enqueue(json(202, "<html>Gateway</html>"));
        CircleCiClient client = fixture.client().withRetryPolicy(RetryPolicy.none());

        assertThatThrownBy(() -> client.cancelWorkflow(WORKFLOW_ID)).isInstanceOf(MalformedResponseException.class)
                .satisfies(e -> assertThat(((MalformedResponseException) e).isRetryable()).isTrue());
        assertThatThrownBy(() -> client.approve(WORKFLOW_ID, "approval-1"))
                .isInstanceOf(MalformedResponseException.class);

        server.enqueue(json(200, ""));
        server.enqueue(json(202, "{\"message\": \"Accepted.\"}"));
        fixture.client().cancelWorkflow(WORKFLOW_ID);
        assertThat(server.getRequestCount()).as("retried per the default policy").isEqualTo(4);
    }

    @Test
    void aTriggerAnsweredBy500IsSentExactlyOnce() {
        server.enqueue(json(500, "{\"message\": \"Internal server error.\"}"));
        server.enqueue(json(201, PIPELINE_CREATED));
        CircleCiClient client = fixture.client();

        TriggerOutcomeUnknownException error = catchThrowableOfType(TriggerOutcomeUnknownException.class,
                () -> client.trigger(TRIGGER));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(error.getMessage()).contains("may or may not", "500", "not re-sent");
        assertThat(error.hint()).contains(client.webUrls().project(TRIGGER.project()),
                "/api/v2/project/gh/acme/rocket/pipeline", "Before triggering again");
        assertThat(error.getCause()).isInstanceOf(ServerErrorException.class);
        assertThat(error.isRetryable()).isFalse();
        assertThat(fixture.sleeper.sleeps()).isEmpty();
    }

    @Test
    void aTriggerWhoseConnectionDropsAfterSendingIsNotResent() {
        server.enqueue(droppedAfterTheRequestArrived());
        server.enqueue(json(201, PIPELINE_CREATED));

        assertThatThrownBy(() -> fixture.client().trigger(TRIGGER))
                .isInstanceOf(TriggerOutcomeUnknownException.class)
                .hasCauseInstanceOf(CircleCiConnectionException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTriggerWithAnUnreadableSuccessIsNotResent() {
        server.enqueue(text(201, "application/json", "{\"id\": "));

        assertThatThrownBy(() -> fixture.client().trigger(TRIGGER))
                .isInstanceOf(TriggerOutcomeUnknownException.class)
                .hasMessageContaining("could not be read");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"refused", "timed out"})
    void aTriggerWhoseConnectionFailedBeforeSendingIsRetried(String failure) {
        AtomicBoolean failing = new AtomicBoolean(true);
        AtomicInteger failed = new AtomicInteger();
        IOException cause = failure.equals("refused") ? new ConnectException("Connection refused")
                : new SocketTimeoutException("Connect timed out");
        OkHttpClient unreachable = new OkHttpClient.Builder()
                .socketFactory(new FailingSocketFactory(failing, failed, cause)).build();
        fixture.sleeper.onSleep(() -> failing.set(false));
        server.enqueue(json(201, PIPELINE_CREATED));

        TriggerResult result = fixture.builder().httpClient(unreachable).build().trigger(TRIGGER);

        assertThat(result.isTriggered()).isTrue();
        assertThat(failed.get()).isPositive();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(fixture.sleeper.sleeps()).hasSize(1);
    }

    @Test
    void aTriggerAnswered429IsRetriedAfterRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .body("{\"message\": \"Rate limit exceeded.\"}").build());
        server.enqueue(json(201, PIPELINE_CREATED));

        assertThat(fixture.client().trigger(TRIGGER).isTriggered()).isTrue();

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(fixture.sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aRerunAnswered500IsNotResent() {
        server.enqueue(json(500, ""));
        server.enqueue(json(202, "{\"workflow_id\": \"new\"}"));

        OutcomeUnknownException error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> fixture.client().rerunWorkflow(WORKFLOW_ID, true));

        assertThat(error).isNotInstanceOf(TriggerOutcomeUnknownException.class);
        assertThat(error.getMessage()).contains("may or may not");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(fixture.clock.instant().plusSeconds(90).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", date).build());
        server.enqueue(json(200, workflow(WORKFLOW_ID, "running", null)));

        fixture.client().getWorkflow(WORKFLOW_ID);

        assertThat(fixture.sleeper.sleeps()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void a429WithoutRetryAfterBacksOffAndPausesTheBudget() {
        server.enqueue(json(429, "{\"message\": \"Rate limit exceeded.\"}"));
        server.enqueue(json(200, workflow(WORKFLOW_ID, "running", null)));
        RequestBudget budget = RequestBudget.create(new RateLimit(1000, 1000), fixture.clock);
        CircleCiClient client = fixture.builder().budget(budget).build();
        fixture.sleeper.onSleep(() -> assertThat(budget.pausedUntil())
                .contains(fixture.clock.instant().plus(RetryPolicy.defaults().initialBackoff())));

        client.getWorkflow(WORKFLOW_ID);

        assertThat(fixture.sleeper.sleeps()).containsExactly(RetryPolicy.defaults().initialBackoff());
    }

    @Test
    void a429WithoutRetryAfterPausesTheBudgetAlsoForAClientThatRetriesNothing() {
        server.enqueue(json(429, "{\"message\": \"Rate limit exceeded.\"}"));
        RequestBudget budget = RequestBudget.create(new RateLimit(1000, 1000), fixture.clock);
        CircleCiClient watcherLike = fixture.builder().budget(budget).retryPolicy(RetryPolicy.none()).build();

        assertThatThrownBy(() -> watcherLike.getWorkflow(WORKFLOW_ID)).isInstanceOf(RateLimitedException.class);
        assertThat(budget.pausedUntil()).as("every caller of this host and token holds off")
                .contains(fixture.clock.instant().plus(RetryPolicy.defaults().initialBackoff()));
    }

    @Test
    void aRetryAfterBeyondTheTotalTimeIsNotWaitedFor() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "600").build());

        RateLimitedException error = catchThrowableOfType(RateLimitedException.class,
                () -> fixture.client().getWorkflow(WORKFLOW_ID));

        assertThat(error.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(fixture.sleeper.sleeps()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesStopAfterMaxAttempts() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(json(500, ""));
        }
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(5));

        assertThatThrownBy(() -> fixture.builder().retryPolicy(policy).build().getPipeline(PIPELINE_ID))
                .isInstanceOf(ServerErrorException.class);

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(fixture.sleeper.sleeps()).hasSize(3)
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void retriesStopBeforeExceedingTheTotalTime() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
        }
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMillis(2500));

        assertThatThrownBy(() -> fixture.builder().retryPolicy(policy).build().getPipeline(PIPELINE_ID))
                .isInstanceOf(RateLimitedException.class);

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(fixture.sleeper.total()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitteredBackoffNeverExceedsTheTotalTime() {
        for (int i = 0; i < 50; i++) {
            server.enqueue(json(503, ""));
        }
        RetryPolicy policy = new RetryPolicy(50, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(3));

        assertThatThrownBy(() -> fixture.builder().retryPolicy(policy).build().getPipeline(PIPELINE_ID))
                .isInstanceOf(ServerErrorException.class);

        assertThat(fixture.sleeper.total()).isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(fixture.sleeper.sleeps().size() + 1);
    }

    @Test
    void interruptionStopsRetryingAndKeepsTheInterruptFlag() {
        server.enqueue(json(500, ""));
        server.enqueue(json(200, workflow(WORKFLOW_ID, "running", null)));
        CircleCiClient client = fixture.builder().sleeper(d -> {
            throw new InterruptedException();
        }).build();

        CircleCiInterruptedException error = catchThrowableOfType(CircleCiInterruptedException.class,
                () -> client.getWorkflow(WORKFLOW_ID));

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(error.getMessage()).contains("Interrupted");
        assertThat(error.isRetryable()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anInterruptedThreadSendsNothing() {
        server.enqueue(json(200, workflow(WORKFLOW_ID, "running", null)));
        CircleCiClient client = fixture.client();
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> client.getWorkflow(WORKFLOW_ID)).isInstanceOf(CircleCiInterruptedException.class);

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(server.getRequestCount()).isZero();
    }

    /** Fails to connect while {@code failing} is set, as an unreachable host would. */
    private static final class FailingSocketFactory extends SocketFactory {
        private final AtomicBoolean failing;
        private final AtomicInteger failed;
        private final IOException failure;

        FailingSocketFactory(AtomicBoolean failing, AtomicInteger failed, IOException failure) {
            this.failing = failing;
            this.failed = failed;
            this.failure = failure;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    if (failing.get()) {
                        failed.incrementAndGet();
                        throw failure;
                    }
                    super.connect(endpoint, timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("OkHttp uses createSocket()");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("OkHttp uses createSocket()");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("OkHttp uses createSocket()");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("OkHttp uses createSocket()");
        }
    }
}
