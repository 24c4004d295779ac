package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pipelines that run nothing: errored, created without workflows, not triggered at all. */
class PipelineOutcomesTest {

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project("gh/acme/broken", p -> p.errored("config", "Config does not conform to schema"))
                        .project("gh/acme/filtered", p -> p.noWorkflows())
                        .project("gh/acme/skipped", p -> p.notTriggered())
                        .build())
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void anErroredPipelineCarriesItsErrorsAndNoWorkflows() {
        Instant t0 = clock.instant();
        String id = http.trigger("gh/acme/broken");
        assertThat(http.get("/pipeline/" + id).json().get("state").asText()).isEqualTo("pending");
        assertThat(http.get("/pipeline/" + id).json().get("errors")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        JsonNode p = http.get("/pipeline/" + id).json();
        assertThat(p.get("state").asText()).isEqualTo("errored");
        assertThat(p.get("errors").get(0).get("type").asText()).isEqualTo("config");
        assertThat(p.get("errors").get(0).get("message").asText()).isEqualTo("Config does not conform to schema");
        assertThat(http.workflows(id)).isEmpty();
        assertThat(sim.completedAt(id)).contains(t0.plusSeconds(1));
    }

    @Test
    void aPipelineWithoutWorkflowsIsCreatedAndEmpty() {
        String id = http.trigger("gh/acme/filtered");
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/pipeline/" + id).json().get("state").asText()).isEqualTo("created");
        JsonNode page = http.get("/pipeline/" + id + "/workflow").json();
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("next_page_token").isNull()).isTrue();
        assertThat(sim.completedAt(id)).isPresent();
    }

    @Test
    void pipelineRunCanAnswer200NotTriggered() {
        Http.Reply r = http.post("/project/gh/acme/skipped/pipeline/run", "{\"config\":{\"branch\":\"main\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).isEqualTo("Ignoring pipeline due to CI skip in the commit");
        assertThat(sim.pipelineIds()).isEmpty();
    }

    @Test
    void pipelineRunCreatesAPipelineLikeTheLegacyEndpoint() {
        Http.Reply r = http.post("/project/gh/acme/filtered/pipeline/run",
                "{\"definition_id\":\"2338d0ae-5541-4bbf-88a2-55e9f7281f80\",\"config\":{\"branch\":\"main\"},"
                        + "\"checkout\":{\"tag\":\"v2\"},\"parameters\":{\"a\":\"x\",\"b\":true,\"c\":3}}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("number").asLong()).isEqualTo(1);
        JsonNode p = http.get("/pipeline/" + r.json().get("id").asText()).json();
        assertThat(p.get("vcs").get("tag").asText()).isEqualTo("v2");
        assertThat(http.get("/project/gh/acme/filtered/pipeline/1").json().get("id").asText())
                .isEqualTo(r.json().get("id").asText());
    }
}
