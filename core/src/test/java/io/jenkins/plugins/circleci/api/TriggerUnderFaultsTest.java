package io.jenkins.plugins.circleci.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A trigger whose answer is lost is never sent again, whether CircleCI acted on it or not: the client says the outcome
 * is unknown, and the simulator confirms that at most one pipeline exists. A trigger CircleCI certainly did not act on
 * (a 429) is sent again and creates exactly one.
 */
class TriggerUnderFaultsTest {
    private static final ProjectSlug SLUG = ProjectSlug.parse("gh/acme/api");

    @Test
    void aConnectionDroppedAfterCircleCiCreatedThePipelineIsAnUnknownOutcomeAndOnePipeline() {
        assertUnknown(FaultRule::disconnectAfterBody, 1);
    }

    @Test
    void aConnectionDroppedBeforeTheBodyArrivedIsAnUnknownOutcomeAndNoPipeline() {
        assertUnknown(FaultRule::disconnectBeforeBody, 0);
    }

    @Test
    void aTruncatedAnswerToACreatedPipelineIsAnUnknownOutcomeAndOnePipeline() {
        assertUnknown(FaultRule::truncatedJson, 1);
    }

    @Test
    void aServerErrorIsAnUnknownOutcomeAndIsNotRetried() {
        assertUnknown(() -> FaultRule.status(502), 0);
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsAnUnknownOutcomeWhileCircleCiStillCreatesThePipeline() throws Exception {
        try (CircleCiSimulator sim = simulator(FaultRule.delay(Duration.ofMillis(1500)))) {
            CircleCiClient client = client(sim, Duration.ofMillis(500));
            assertThatThrownBy(() -> client.trigger(TriggerRequest.builder(SLUG).branch("main").build()))
                    .isInstanceOf(TriggerOutcomeUnknownException.class).hasMessageContaining("not re-sent");
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // The simulator carries the request out once its delay is over and journals it a moment after the
            // pipeline exists: wait for both.
            while ((sim.pipelineIds().isEmpty() || sim.journal().count("POST", "/pipeline$") == 0)
                    && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            assertThat(sim.pipelineIds()).hasSize(1);
            assertThat(sim.journal().count("POST", "/pipeline$")).isEqualTo(1);
        }
    }

    @Test
    void aRateLimitWithOrWithoutRetryAfterIsRetriedAndCreatesExactlyOnePipeline() {
        for (FaultRule limit : new FaultRule[] {FaultRule.rateLimited(Duration.ofSeconds(1)),
            FaultRule.rateLimitedWithoutRetryAfter()}) {
            try (CircleCiSimulator sim = simulator(limit)) {
                assertThat(client(sim, Duration.ofSeconds(5)).trigger(TriggerRequest.builder(SLUG).branch("main")
                        .build()).pipeline()).isPresent();
                assertThat(sim.journal().count("POST", "/pipeline$")).isEqualTo(2);
                assertThat(sim.pipelineIds()).hasSize(1);
            }
        }
    }

    private static void assertUnknown(Supplier<FaultRule> fault, int pipelines) {
        try (CircleCiSimulator sim = simulator(fault.get())) {
            CircleCiClient client = client(sim, Duration.ofSeconds(5));
            assertThatThrownBy(() -> client.trigger(TriggerRequest.builder(SLUG).branch("main").build()))
                    .isInstanceOf(TriggerOutcomeUnknownException.class).hasMessageContaining("not re-sent");
            assertThat(sim.journal().count("POST", "/pipeline$")).as("sent once").isEqualTo(1);
            assertThat(sim.pipelineIds()).hasSize(pipelines);
        }
    }

    private static CircleCiSimulator simulator(FaultRule fault) {
        return CircleCiSimulator.builder().clock(new ManualClock()).webhookPollInterval(null)
                .scenario(Scenario.builder().fault(fault.on("POST", "/pipeline$").first(1)).build()).start();
    }

    private static CircleCiClient client(CircleCiSimulator sim, Duration readTimeout) {
        ManualClock clock = new ManualClock();
        return CircleCiClient.builder().baseUrl(sim.baseUrl()).token("CCIPAT_test").clock(clock)
                .sleeper(clock::advance).readTimeout(readTimeout)
                .budget(RequestBudget.create(new RateLimit(1000, 1000), clock)).build();
    }
}
