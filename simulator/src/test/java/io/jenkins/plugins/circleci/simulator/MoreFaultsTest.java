package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The faults a soak needs beyond plain errors: a 429 without Retry-After, connections dropped before and after the
 * request arrived, truncated answers to requests that were carried out, and page tokens that repeat.
 */
class MoreFaultsTest {
    private static final String TRIGGER = "/project/gh/acme/api/pipeline";

    private static CircleCiSimulator start(Scenario scenario, int pageSize) {
        return CircleCiSimulator.builder().clock(new ManualClock()).seed(1).pageSize(pageSize)
                .webhookPollInterval(null).scenario(scenario).start();
    }

    @Test
    void aRateLimitWithoutRetryAfterIsA429WithNoSuchHeader() {
        try (CircleCiSimulator sim = start(Scenario.builder()
                .fault(FaultRule.rateLimitedWithoutRetryAfter().on("GET", "^/me$").first(1)).build(), 20)) {
            Http.Reply r = new Http(sim).get("/me");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.body()).isEqualTo("Rate limited.");
            assertThat(r.headers().get("Retry-After")).isNull();
            assertThat(sim.journal().faultsApplied()).containsExactly(Map.entry("rate_limit", 1L));
            assertThat(sim.journal().faultsAppliedByLabel())
                    .containsExactly(Map.entry("rate_limit_without_retry_after", 1L));
        }
    }

    @Test
    void scenarioFilesNameTheNewKindsAndRetryAfterNone() {
        Scenario scenario = Scenario.fromYaml("""
                faults:
                  - {kind: rate_limit, retry_after: none, first: 1}
                  - {kind: disconnect_before_body, method: POST, first: 1}
                  - {kind: disconnect_after_body, method: POST, first: 1}
                  - {kind: truncated_json, first: 1}
                  - {kind: repeat_page_token, first: 1}
                """);
        assertThat(scenario.faults()).extracting(FaultRule::kind).containsExactly(FaultRule.Kind.RATE_LIMIT,
                FaultRule.Kind.DISCONNECT_BEFORE_BODY, FaultRule.Kind.DISCONNECT_AFTER_BODY,
                FaultRule.Kind.TRUNCATED_JSON, FaultRule.Kind.REPEAT_PAGE_TOKEN);
        assertThat(scenario.faults().get(0).sendsRetryAfter()).isFalse();
        assertThatThrownBy(() -> Scenario.fromYaml("faults: [{kind: drop}]"))
                .hasMessageContaining("disconnect_before_body").hasMessageContaining("repeat_page_token")
                .hasMessageContaining("not 'drop'");
    }

    @Test
    void aTriggerWhoseConnectionDropsBeforeItsBodyArrivedCreatesNothing() {
        try (CircleCiSimulator sim = start(Scenario.builder()
                .fault(FaultRule.disconnectBeforeBody().on("POST", "/pipeline$").first(1)).build(), 20)) {
            Http http = new Http(sim);
            assertThatThrownBy(() -> http.sendOrThrow("POST", TRIGGER, "{\"branch\":\"main\"}",
                    Map.of("Circle-Token", Http.TOKEN))).isInstanceOf(IOException.class);
            assertThat(sim.pipelineIds()).isEmpty();
            assertThat(sim.journal().requests("POST", "/pipeline$").get(0).status()).as("no answer").isZero();
            assertThat(sim.journal().requests("POST", "/pipeline$").get(0).body()).as("body never read").isEmpty();
            assertThat(sim.journal().faultsApplied()).containsExactly(Map.entry("disconnect_before_body", 1L));
            assertThat(http.trigger("gh/acme/api")).as("the server keeps serving").isNotBlank();
        }
    }

    @Test
    void aTriggerWhoseConnectionDropsAfterItArrivedCreatesThePipelineAndAnswersNothing() {
        try (CircleCiSimulator sim = start(Scenario.builder()
                .fault(FaultRule.disconnectAfterBody().on("POST", "/pipeline$").first(1)).build(), 20)) {
            Http http = new Http(sim);
            assertThatThrownBy(() -> http.sendOrThrow("POST", TRIGGER, "{\"branch\":\"main\"}",
                    Map.of("Circle-Token", Http.TOKEN))).isInstanceOf(IOException.class)
                    .isNotInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(sim.pipelineIds()).as("carried out").hasSize(1);
            assertThat(sim.journal().requests("POST", "/pipeline$").get(0).status()).isZero();
            assertThat(sim.journal().requests("POST", "/pipeline$").get(0).bodyText()).contains("main");
        }
    }

    @Test
    void aTruncatedAnswerIsTheFirstHalfOfTheRealOneAndTheRequestWasCarriedOut() throws IOException {
        try (CircleCiSimulator sim = start(Scenario.builder()
                .fault(FaultRule.truncatedJson().on("POST", "/pipeline$").first(1))
                .fault(FaultRule.truncatedJson().on("GET", "^/pipeline/[^/]+$").first(1)).build(), 20)) {
            Http http = new Http(sim);
            Http.Reply trigger = http.post(TRIGGER, "{\"branch\":\"main\"}");
            assertThat(trigger.status()).isEqualTo(201);
            assertThat(sim.pipelineIds()).hasSize(1);
            String id = sim.pipelineIds().get(0);
            assertThat(trigger.body()).startsWith("{\"");
            assertThatThrownBy(() -> new ObjectMapper().readTree(trigger.body()))
                    .isInstanceOf(JsonProcessingException.class);
            Http.Reply cut = http.get("/pipeline/" + id);
            Http.Reply whole = http.get("/pipeline/" + id);
            assertThat(cut.status()).isEqualTo(200);
            assertThat(whole.body()).startsWith(cut.body());
            assertThat(cut.body().length()).isEqualTo(whole.body().length() / 2);
        }
    }

    @Test
    void aRepeatedPageTokenSendsTheTokenItWasAskedWithAndSparesFirstPages() {
        Scenario scenario = Scenario.builder()
                .defaultProject(p -> p.workflow("a", w -> w.job("a", Duration.ofSeconds(1)))
                        .workflow("b", w -> w.job("b", Duration.ofSeconds(1)))
                        .workflow("c", w -> w.job("c", Duration.ofSeconds(1))))
                .fault(FaultRule.repeatPageToken().on("GET", "/workflow$"))
                .build();
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).pageSize(1).webhookPollInterval(null)
                .scenario(scenario).start()) {
            Http http = new Http(sim);
            String id = http.trigger("gh/acme/api");
            clock.advance(Duration.ofMinutes(1));
            Http.Reply first = http.get("/pipeline/" + id + "/workflow");
            String token = first.json().get("next_page_token").asText();
            assertThat(first.json().get("items")).hasSize(1);
            Http.Reply second = http.get("/pipeline/" + id + "/workflow?page-token=" + token);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json().get("items")).hasSize(1);
            assertThat(second.json().get("next_page_token").asText()).as("the same token again").isEqualTo(token);
            assertThat(sim.journal().faultsApplied()).as("the first page was not hit")
                    .containsExactly(Map.entry("repeat_page_token", 1L));
        }
    }
}
