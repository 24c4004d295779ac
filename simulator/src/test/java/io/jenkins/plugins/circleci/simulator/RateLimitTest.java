package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenario's per-token throttle: fixed windows on the simulator's clock, 429 with Retry-After beyond them. */
class RateLimitTest {

    @Test
    void eachTokenGetsItsOwnWindowsAndA429WithRetryAfterBeyondThem() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-10T15:00:00.250Z"));
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder().rateLimit(3, Duration.ofSeconds(1)).rateLimit(5, Duration.ofMinutes(1))
                        .build()).start()) {
            Http http = new Http(sim);
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/me").status()).isEqualTo(200);
            }
            Http.Reply throttled = http.get("/me");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.message()).isEqualTo("Rate limit exceeded.");
            assertThat(throttled.headers().get("Retry-After")).isEqualTo("1");
            assertThat(throttled.headers().get("X-RateLimit-Limit-Second")).isEqualTo("3");
            assertThat(throttled.headers().get("RateLimit-Remaining")).isEqualTo("0");
            // Another token has windows of its own.
            assertThat(http.send("GET", "/me", null, Map.of("Circle-Token", "other")).status()).isEqualTo(200);

            clock.advance(Duration.ofSeconds(1));
            assertThat(http.get("/me").status()).isEqualTo(200);
            assertThat(http.get("/me").status()).isEqualTo(200);
            // Five in the minute: now the per-minute window throttles, until the minute ends.
            Http.Reply perMinute = http.get("/me");
            assertThat(perMinute.status()).isEqualTo(429);
            assertThat(perMinute.headers().get("X-RateLimit-Limit-Minute")).isEqualTo("5");
            assertThat(perMinute.headers().get("Retry-After")).isEqualTo("59");
            clock.advance(Duration.ofMinutes(1));
            assertThat(http.get("/me").status()).isEqualTo(200);

            assertThat(sim.journal().countsByRoute()).containsEntry("GET (rate limited)", 2L);
        }
    }

    @Test
    void withoutARateLimitNothingIsThrottled() {
        try (CircleCiSimulator sim = CircleCiSimulator.builder().webhookPollInterval(null).start()) {
            Http http = new Http(sim);
            for (int i = 0; i < 50; i++) {
                assertThat(http.get("/me").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aScenarioFileDeclaresRateLimitsAndHistory() {
        Scenario s = Scenario.fromYaml("""
                rate_limits:
                  - {requests: 300, per: 1s}
                projects:
                  gh/acme/api:
                    history:
                      insights: forbidden
                      workflows:
                        - {name: build, branch: main, durations: [10m, 570s, 620], status: failed, ago: 48h, every: 30m}
                """);
        assertThat(s.rateLimits()).singleElement().satisfies(r -> {
            assertThat(r.requests()).isEqualTo(300);
            assertThat(r.per()).isEqualTo(Duration.ofSeconds(1));
        });
        var history = s.project("gh/acme/api").orElseThrow().history();
        assertThat(history.insights().name()).isEqualTo("FORBIDDEN");
        assertThat(history.workflows().get(0).durations()).containsExactly(Duration.ofMinutes(10),
                Duration.ofSeconds(570), Duration.ofSeconds(620));
        assertThat(history.workflows().get(0).ago()).isEqualTo(Duration.ofHours(48));
        assertThat(history.workflows().get(0).every()).isEqualTo(Duration.ofMinutes(30));
        assertThat(history.workflows().get(0).status()).isEqualTo("failed");
    }
}
