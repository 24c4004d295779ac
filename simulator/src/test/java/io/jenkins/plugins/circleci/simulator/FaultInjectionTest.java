package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults on chosen routes at chosen counts or rates, deterministic from the seed. */
class FaultInjectionTest {

    private static CircleCiSimulator start(Scenario scenario, long seed) {
        return CircleCiSimulator.builder().clock(new ManualClock()).seed(seed).webhookPollInterval(null)
                .scenario(scenario).start();
    }

    @Test
    void theFirstThreeWorkflowListsGet503ThenTheRealAnswer() {
        try (CircleCiSimulator sim = start(Scenario.builder()
                .failFirst(3, "GET", "/pipeline/.*/workflow", 503).build(), 1)) {
            Http http = new Http(sim);
            String id = http.trigger("gh/acme/api");
            assertThat(http.get("/pipeline/" + id).status()).as("other routes are untouched").isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                Http.Reply r = http.get("/pipeline/" + id + "/workflow");
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.message()).isEqualTo("Service unavailable.");
            }
            assertThat(http.get("/pipeline/" + id + "/workflow").status()).isEqualTo(200);
            assertThat(sim.journal().count("GET", "/pipeline/[^/]+/workflow")).isEqualTo(4);
            assertThat(sim.journal().requests("GET", "/workflow$").stream().map(e -> e.status()).toList())
                    .containsExactly(503, 503, 503, 200);
        }
    }

    @Test
    void everyFifthRequestIsRateLimitedWithRetryAfterAndAPlainTextBody() {
        try (CircleCiSimulator sim = start(Scenario.builder().rateLimitEvery(5, 2).build(), 1)) {
            Http http = new Http(sim);
            List<Integer> statuses = new ArrayList<>();
            Http.Reply limited = null;
            for (int i = 0; i < 10; i++) {
                Http.Reply r = http.get("/me");
                statuses.add(r.status());
                if (r.status() == 429) {
                    limited = r;
                }
            }
            assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 200, 200, 200, 200, 429);
            assertThat(limited.body()).isEqualTo("Rate limited.");
            assertThat(limited.headers().get("Retry-After")).isEqualTo("2");
            assertThat(limited.headers().get("Content-Type")).startsWith("text/plain");
        }
    }

    @Test
    void aConnectionClosedMidResponseIsAnIOExceptionForARealClient() {
        try (CircleCiSimulator sim = start(Scenario.builder()
                .fault(FaultRule.disconnect().on("GET", "^/me$").first(1)).build(), 1)) {
            Http http = new Http(sim);
            assertThatThrownBy(() -> http.sendOrThrow("GET", "/me", null, Map.of("Circle-Token", "t")))
                    .isInstanceOf(IOException.class)
                    .as("the connection is closed, not merely slow").isNotInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(http.get("/me").status()).as("the server keeps serving").isEqualTo(200);
            assertThat(sim.journal().requests("GET", "/me").get(0).status()).as("0 = closed mid-response").isZero();
        }
    }

    @Test
    void malformedJsonIsA200ThatDoesNotParse() {
        try (CircleCiSimulator sim = start(Scenario.builder()
                .fault(FaultRule.malformedJson().on("GET", "/pipeline/")).build(), 1)) {
            Http http = new Http(sim);
            String id = http.trigger("gh/acme/api");
            Http.Reply r = http.get("/pipeline/" + id);
            assertThat(r.status()).isEqualTo(200);
            assertThatThrownBy(() -> new ObjectMapper().readTree(r.body())).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void aDelayIsAppliedToItsRouteOnlyThenAnsweredNormallyWithoutTouchingTheSimulatorClock() {
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder().fault(FaultRule.delay(Duration.ofMillis(300)).on("GET", "^/me$")).build())
                .start()) {
            Http http = new Http(sim);
            var before = clock.instant();
            assertThat(http.get("/me").status()).isEqualTo(200);
            assertThat(http.get("/pipeline/5034460f-c7c4-4c43-9457-de07e2029e7b").status()).isEqualTo(404);
            assertThat(sim.journal().faultsApplied()).containsExactly(Map.entry("delay", 1L));
            assertThat(sim.journal().count("GET", "^/me$")).isEqualTo(1);
            assertThat(clock.instant()).isEqualTo(before);
        }
    }

    @Test
    void serverErrorsOnAllMethodsOfAPath() {
        try (CircleCiSimulator sim = start(Scenario.builder()
                .fault(FaultRule.status(500).on("*", "/pipeline$")).build(), 1)) {
            Http http = new Http(sim);
            Http.Reply r = http.post("/project/gh/acme/api/pipeline", "{}");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.message()).isEqualTo("Internal server error.");
            assertThat(sim.pipelineIds()).as("a faulted trigger creates nothing").isEmpty();
        }
    }

    @Test
    void randomFaultsRepeatWithTheSameSeedAndDifferWithAnother() {
        Scenario scenario = Scenario.builder().fault(FaultRule.status(502).rate(0.3)).build();
        List<Integer> first = statuses(scenario, 7);
        List<Integer> again = statuses(scenario, 7);
        List<Integer> other = statuses(scenario, 8);
        assertThat(first).isEqualTo(again).contains(502).contains(200);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void idsRepeatWithTheSameSeed() {
        assertThat(firstPipelineId(3)).isEqualTo(firstPipelineId(3)).isNotEqualTo(firstPipelineId(4));
    }

    private static String firstPipelineId(long seed) {
        try (CircleCiSimulator sim = start(Scenario.defaults(), seed)) {
            return new Http(sim).trigger("gh/acme/api");
        }
    }

    private static List<Integer> statuses(Scenario scenario, long seed) {
        try (CircleCiSimulator sim = start(scenario, seed)) {
            Http http = new Http(sim);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                out.add(http.get("/me").status());
            }
            return out;
        }
    }
}
