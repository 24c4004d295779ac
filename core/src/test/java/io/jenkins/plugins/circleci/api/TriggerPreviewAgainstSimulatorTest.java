package io.jenkins.plugins.circleci.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A dry run's preview is what the trigger then really sends: same URL, body and trace headers, no token. */
class TriggerPreviewAgainstSimulatorTest {
    private static final String TOKEN = "CCIPAT_PreviewToken_9f8e7d6c5b4a";
    private static final TraceContext TRACE = TraceContext.read(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "rojo=00f067aa0ba902b7").context();

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(5))))
                        .build())
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static Stream<TriggerRequest> requests() {
        return Stream.of(
                TriggerRequest.builder(ProjectSlug.parse("gh/acme/api")).branch("main")
                        .parameters(Map.of("deploy", true, "replicas", 3, "env", "staging")).build(),
                TriggerRequest.builder(ProjectSlug.parse("gh/acme/api")).tag("v1.0").build(),
                TriggerRequest.builder(ProjectSlug.parse("gh/acme/api")).definitionId(
                        "e2d7c5a0-3b7e-4c1e-9a55-0f6b7c8d9e01").branch("main").checkoutTag("v2").build());
    }

    @ParameterizedTest
    @MethodSource("requests")
    void thePreviewIsWhatTheTriggerSends(TriggerRequest request) throws Exception {
        TriggerPreview preview = CircleCiClient.previewTrigger(sim.baseUrl(), request, TRACE);
        CircleCiClient client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token(TOKEN).clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(1000, 1000), clock))
                .build().withTraceContext(TRACE);
        try {
            client.trigger(request);
        } catch (RuntimeException whateverItAnswered) {
            // Only what was sent matters here (the simulator may know no such definition).
        }

        JournalEntry sent = sim.journal().entries().get(0);
        assertThat(preview.method()).isEqualTo(sent.method());
        assertThat(preview.url()).isEqualTo(sim.baseUrl() + sent.path());
        ObjectMapper json = new ObjectMapper();
        // Through text, as the wire carries it (a long and an int are the same number there).
        com.fasterxml.jackson.databind.JsonNode previewed = json.readTree(json.writeValueAsString(preview.body()));
        assertThat(previewed).isEqualTo(json.readTree(sent.bodyText()));
        assertThat(preview.headers()).containsExactly(Map.entry("traceparent", sent.header("traceparent")),
                Map.entry("tracestate", sent.header("tracestate")));
        assertThat(preview.toString()).doesNotContain(TOKEN);
    }
}
