package io.jenkins.plugins.circleci.simulator;

import static io.jenkins.plugins.circleci.simulator.Http.byName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workflows that appear later in the same pipeline: continuations after setup, automatic and manual reruns. */
class ContinuationAndRerunTest {

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project("gh/acme/dyn", p -> p
                                .setupWorkflow("setup", w -> w.job("generate", Duration.ofSeconds(5)))
                                .continuationAfter(Duration.ofSeconds(45))
                                .workflow("build", w -> w.job("test", Duration.ofSeconds(30))))
                        .project("gh/acme/dyn-broken", p -> p
                                .setupWorkflow("setup", w -> w.job("generate", Duration.ofSeconds(5), "failed"))
                                .workflow("build", w -> w.job("test", Duration.ofSeconds(30))))
                        .project("gh/acme/flaky", p -> p
                                .workflow("build", w -> w.job("test", Duration.ofSeconds(30), "failed")
                                        .maxAutoReruns(2).autoRerunOutcomes("failed", "success")
                                        .autoRerunDelay(Duration.ofSeconds(10))))
                        .project("gh/acme/hopeless", p -> p
                                .workflow("build", w -> w.job("test", Duration.ofSeconds(30), "failed")
                                        .maxAutoReruns(1).autoRerunOutcomes("failed")))
                        .build())
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void continuationWorkflowsAppearAfterTheConfiguredDelayOnceSetupSucceeded() {
        Http.Reply created = http.post("/project/gh/acme/dyn/pipeline", "{\"branch\":\"main\"}");
        assertThat(created.json().get("state").asText()).isEqualTo("setup-pending");
        String id = created.json().get("id").asText();
        clock.advance(Duration.ofSeconds(3)); // setup-pending, setup, pending: 1 s each by default
        JsonNode workflows = http.workflows(id);
        assertThat(workflows).hasSize(1);
        assertThat(workflows.get(0).get("tag").asText()).isEqualTo("setup");
        assertThat(workflows.get(0).get("status").asText()).isEqualTo("running");

        clock.advance(Duration.ofSeconds(5));
        assertThat(http.workflows(id)).hasSize(1);
        assertThat(http.workflows(id).get(0).get("status").asText()).isEqualTo("success");
        assertThat(sim.completedAt(id)).as("a continuation is still due").isEmpty();

        clock.advance(Duration.ofSeconds(44));
        assertThat(http.workflows(id)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        JsonNode build = byName(http.workflows(id), "build");
        assertThat(build.has("tag")).isFalse();
        assertThat(build.get("status").asText()).isEqualTo("running");
        assertThat(build.get("pipeline_id").asText()).isEqualTo(id);

        clock.advance(Duration.ofSeconds(30));
        assertThat(byName(http.workflows(id), "build").get("status").asText()).isEqualTo("success");
        assertThat(sim.completedAt(id)).contains(clock.instant());
    }

    @Test
    void aFailedSetupWorkflowHasNoContinuation() {
        String id = http.trigger("gh/acme/dyn-broken");
        clock.advance(Duration.ofMinutes(10));
        JsonNode workflows = http.workflows(id);
        assertThat(workflows).hasSize(1);
        assertThat(workflows.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(sim.completedAt(id)).isPresent();
    }

    @Test
    void aFailedWorkflowIsRerunAutomaticallyUntilTheRerunSucceeds() {
        String id = http.trigger("gh/acme/flaky");
        Instant t0 = clock.instant();
        clock.advance(Duration.ofSeconds(31));
        JsonNode first = http.workflows(id);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(first.get(0).get("max_auto_reruns").asInt()).isEqualTo(2);
        assertThat(first.get(0).has("auto_rerun_number")).isFalse();
        assertThat(sim.completedAt(id)).as("an automatic rerun is due").isEmpty();

        clock.advance(Duration.ofSeconds(10));
        JsonNode withRerun = http.workflows(id);
        assertThat(withRerun).hasSize(2);
        assertThat(withRerun.get(1).get("auto_rerun_number").asInt()).isEqualTo(1);
        assertThat(withRerun.get(1).get("name").asText()).isEqualTo("build");
        assertThat(withRerun.get(1).get("status").asText()).isEqualTo("running");

        clock.advance(Duration.ofSeconds(30 + 10 + 30));
        List<String> statuses = new ArrayList<>();
        http.workflows(id).forEach(w -> statuses.add(w.get("status").asText() + "#" + w.path("auto_rerun_number").asInt(0)));
        assertThat(statuses).containsExactly("failed#0", "failed#1", "success#2");
        assertThat(sim.completedAt(id)).contains(t0.plusSeconds(1 + 30 + 10 + 30 + 10 + 30));
    }

    @Test
    void aRerunThatFailsAgainEndsThePipelineWhenNoRerunIsLeft() {
        String id = http.trigger("gh/acme/hopeless");
        clock.advance(Duration.ofMinutes(5));
        JsonNode workflows = http.workflows(id);
        assertThat(workflows).hasSize(2);
        assertThat(workflows.get(1).get("status").asText()).isEqualTo("failed");
        assertThat(sim.completedAt(id)).isPresent();
    }

    @Test
    void aManualRerunAddsANewWorkflowToTheSamePipeline() {
        String id = http.trigger("gh/acme/hopeless");
        clock.advance(Duration.ofSeconds(10));
        String wf = http.workflows(id).get(0).get("id").asText();
        assertThat(http.post("/workflow/" + wf + "/rerun", "{}").status())
                .as("a running workflow cannot be rerun").isEqualTo(400);
        clock.advance(Duration.ofMinutes(5));

        assertThat(http.post("/workflow/" + wf + "/rerun", "{\"from_failed\":true,\"jobs\":[]}").status())
                .isEqualTo(400);
        Http.Reply rerun = http.post("/workflow/" + wf + "/rerun", "{\"from_failed\":true}");
        assertThat(rerun.status()).isEqualTo(202);
        String newId = rerun.json().get("workflow_id").asText();
        JsonNode fresh = http.get("/workflow/" + newId).json();
        assertThat(fresh.get("pipeline_id").asText()).isEqualTo(id);
        assertThat(fresh.get("status").asText()).isEqualTo("running");
        assertThat(http.workflows(id)).hasSize(3);
        clock.advance(Duration.ofSeconds(30));
        assertThat(http.get("/workflow/" + newId).json().get("status").asText())
                .as("manual reruns succeed by default").isEqualTo("success");
    }
}
