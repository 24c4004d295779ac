package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));

    @Test
    void aFullBucketAllowsABurstThenRefillsAtTheRate() {
        RequestBudget budget = RequestBudget.create(new RateLimit(2, 3), clock);

        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
        assertThat(budget.timeUntilAvailable()).isEqualTo(Duration.ofMillis(500));

        clock.advance(Duration.ofMillis(250));
        assertThat(budget.timeUntilAvailable()).isEqualTo(Duration.ofMillis(250));
        assertThat(budget.tryAcquire()).isFalse();

        clock.advance(Duration.ofMillis(250));
        assertThat(budget.timeUntilAvailable()).isZero();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBurst() {
        RequestBudget budget = RequestBudget.create(new RateLimit(10, 2), clock);
        clock.advance(Duration.ofHours(1));

        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void timeUntilAvailableTakesNothing() {
        RequestBudget budget = RequestBudget.create(new RateLimit(1, 1), clock);

        assertThat(budget.timeUntilAvailable()).isZero();
        assertThat(budget.timeUntilAvailable()).isZero();
        assertThat(budget.tryAcquire()).isTrue();
    }

    @Test
    void aPauseBlocksUntilItEndsAndIsNeverShortened() {
        RequestBudget budget = RequestBudget.create(new RateLimit(10, 10), clock);
        Instant until = clock.instant().plusSeconds(30);

        budget.pauseUntil(until);
        budget.pauseUntil(clock.instant().plusSeconds(5));

        assertThat(budget.pausedUntil()).contains(until);
        assertThat(budget.tryAcquire()).isFalse();
        assertThat(budget.timeUntilAvailable()).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(budget.pausedUntil()).isEmpty();
        assertThat(budget.tryAcquire()).isTrue();
    }

    @Test
    void acquireReturnsFalseAtOnceWhenTheWaitIsLongerThanAllowed() throws InterruptedException {
        RequestBudget budget = RequestBudget.create(new RateLimit(10, 10), clock);
        budget.pauseUntil(clock.instant().plusSeconds(60));

        assertThat(budget.acquire(Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void acquireWaitsForTheNextPermit() throws InterruptedException {
        RequestBudget budget = RequestBudget.create(new RateLimit(100, 1), java.time.Clock.systemUTC());

        assertThat(budget.acquire(Duration.ofSeconds(5))).isTrue();
        assertThat(budget.acquire(Duration.ofSeconds(5))).as("refilled after about 10 ms").isTrue();
    }

    @Test
    void sameHostAndTokenShareOneBudgetButDistinctTokensOrHostsDoNot() {
        String token = "token-" + UUID.randomUUID();
        RequestBudget first = RequestBudget.forHost("https://circleci.com:443", token, RateLimit.defaults(), clock);

        assertThat(RequestBudget.forHost("HTTPS://CIRCLECI.COM:443", token, RateLimit.defaults(), clock))
                .isSameAs(first);
        assertThat(RequestBudget.forHost("https://circleci.com:443", token + "x", RateLimit.defaults(), clock))
                .isNotSameAs(first);
        assertThat(RequestBudget.forHost("https://circleci.example.com:443", token, RateLimit.defaults(), clock))
                .isNotSameAs(first);
    }

    @Test
    void a429SeenByOneClientPausesAnotherClientOfTheSameHostAndToken() {
        String token = "token-" + UUID.randomUUID();
        FakeSleeper sleeper = new FakeSleeper(clock);
        CircleCiClient.Builder builder = CircleCiClient.builder().baseUrl(server.url("/").toString()).token(token)
                .clock(clock).sleeper(sleeper).retryPolicy(RetryPolicy.none());
        CircleCiClient first = builder.build();
        CircleCiClient second = builder.build();
        CircleCiClient otherToken = builder.token(token + "-other").build();
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());
        server.enqueue(json(200, "{\"id\": \"u\", \"login\": \"l\", \"name\": \"n\"}"));

        assertThatThrownBy(first::me).isInstanceOf(RateLimitedException.class);

        assertThat(second.budget().pausedUntil()).contains(clock.instant().plusSeconds(120));
        assertThat(second.budget().tryAcquire()).isFalse();
        assertThat(otherToken.budget().pausedUntil()).isEmpty();
        assertThatThrownBy(second::me).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("paused after CircleCI answered 429");
        assertThat(server.getRequestCount()).as("the paused client sent nothing").isEqualTo(1);
        assertThat(otherToken.me().login()).isEqualTo("l");
    }

    @Test
    void aClientWaitsForThePermitOfABusyBudget() {
        FakeSleeper sleeper = new FakeSleeper(clock);
        RequestBudget budget = RequestBudget.create(new RateLimit(1, 1), clock);
        CircleCiClient client = CircleCiClient.builder().baseUrl(server.url("/").toString()).token("t").clock(clock)
                .sleeper(sleeper).budget(budget).build();
        server.enqueue(json(200, "{\"id\": \"u\", \"login\": \"l\", \"name\": \"n\"}"));
        server.enqueue(json(200, "{\"id\": \"u\", \"login\": \"l\", \"name\": \"n\"}"));

        client.me();
        client.me();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aBudgetUsedUpByOthersFailsNamingTheRequestThatCouldNotGo() {
        FakeSleeper sleeper = new FakeSleeper(clock);
        RequestBudget budget = RequestBudget.create(new RateLimit(0.001, 1), clock);
        CircleCiClient client = CircleCiClient.builder().baseUrl(server.url("/").toString()).token("t").clock(clock)
                .sleeper(sleeper).budget(budget).retryPolicy(RetryPolicy.none()).build();
        assertThat(budget.tryAcquire()).as("another caller takes the only permit").isTrue();

        assertThatThrownBy(() -> client.getPipeline("5034460f-c7c4-4c43-9457-de07e2029e7b"))
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("GET /api/v2/pipeline/5034460f-c7c4-4c43-9457-de07e2029e7b (pipeline "
                        + "5034460f-c7c4-4c43-9457-de07e2029e7b)", "used up by other callers");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void concurrentCallersNeverTakeMorePermitsThanTheBucketHolds() throws Exception {
        RequestBudget budget = RequestBudget.create(new RateLimit(1, 50), clock);

        assertThat(permitsTakenBy(8, 100, budget::tryAcquire)).isEqualTo(50);
    }

    @Test
    void concurrentBlockingCallersAllGetAPermitInTurn() throws Exception {
        RequestBudget budget = RequestBudget.create(new RateLimit(500, 1), java.time.Clock.systemUTC());

        assertThat(permitsTakenBy(4, 5, () -> budget.acquire(Duration.ofSeconds(10)))).isEqualTo(20);
    }

    /** Runs {@code threads} threads that each try {@code tries} times; returns how many tries took a permit. */
    private static int permitsTakenBy(int threads, int tries, Callable<Boolean> take) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    int taken = 0;
                    for (int i = 0; i < tries; i++) {
                        if (take.call()) {
                            taken++;
                        }
                    }
                    return taken;
                });
            }
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringShowsTheRateOnly() {
        assertThat(RequestBudget.forHost("h", "secret-token-" + UUID.randomUUID(), new RateLimit(5, 7), clock)
                .toString()).isEqualTo("RequestBudget[5.0/s, burst 7]");
    }
}
