package io.jenkins.plugins.circleci.simulator;

import static io.jenkins.plugins.circleci.simulator.Http.byName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pipelines, workflows and jobs move along the scenario as the (manual) clock advances, and only then. */
class WorkflowProgressionTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private CircleCiSimulator sim;

    private Http start(Scenario scenario) {
        sim = CircleCiSimulator.builder().clock(clock).scenario(scenario).webhookPollInterval(null).start();
        return new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aFailedJobMakesTheWorkflowFailingWhileOthersRunThenFailed() {
        Http http = start(Scenario.builder().project("gh/acme/api", p -> p.workflow("build", w -> w
                .job("compile", Duration.ofSeconds(10))
                .job(JobSpec.build("unit", Duration.ofSeconds(30), "failed").withRequires(List.of("compile")))
                .job(JobSpec.build("integration", Duration.ofSeconds(60), "success").withRequires(List.of("compile")))))
                .build());
        Instant t0 = clock.instant();

        Http.Reply created = http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"main\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("state").asText()).isEqualTo("pending");
        assertThat(created.json().get("number").asLong()).isEqualTo(1);
        String id = created.json().get("id").asText();
        assertThat(http.get("/pipeline/" + id).json().get("state").asText()).isEqualTo("pending");
        assertThat(http.workflows(id)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        JsonNode pipeline = http.get("/pipeline/" + id).json();
        assertThat(pipeline.get("state").asText()).isEqualTo("created");
        assertThat(pipeline.get("errors")).isEmpty();
        JsonNode build = byName(http.workflows(id), "build");
        assertThat(build.get("status").asText()).isEqualTo("running");
        assertThat(build.get("stopped_at").isNull()).isTrue();
        String wf = build.get("id").asText();
        JsonNode jobs = http.jobs(wf);
        assertThat(byName(jobs, "compile").get("status").asText()).isEqualTo("running");
        assertThat(byName(jobs, "compile").has("job_number")).isTrue();
        assertThat(byName(jobs, "unit").get("status").asText()).isEqualTo("blocked");
        assertThat(byName(jobs, "unit").get("started_at").isNull()).isTrue();
        assertThat(byName(jobs, "unit").has("job_number")).isFalse();
        assertThat(byName(jobs, "unit").get("dependencies").get(0).asText())
                .isEqualTo(byName(jobs, "compile").get("id").asText());

        clock.advance(Duration.ofSeconds(10));
        jobs = http.jobs(wf);
        assertThat(byName(jobs, "compile").get("status").asText()).isEqualTo("success");
        assertThat(byName(jobs, "unit").get("status").asText()).isEqualTo("running");
        assertThat(byName(jobs, "integration").get("status").asText()).isEqualTo("running");

        clock.advance(Duration.ofSeconds(30));
        JsonNode failing = http.get("/workflow/" + wf).json();
        assertThat(failing.get("status").asText()).isEqualTo("failing");
        assertThat(failing.get("stopped_at").isNull()).isTrue();
        assertThat(sim.completedAt(id)).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        JsonNode failed = http.get("/workflow/" + wf).json();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(Instant.parse(failed.get("stopped_at").asText())).isEqualTo(t0.plusSeconds(71));
        assertThat(sim.completedAt(id)).contains(t0.plusSeconds(71));
    }

    @Test
    void jobDetailsDescribeAStartedBuildJob() {
        Http http = start(Scenario.builder().project("gh/acme/api", p -> p.workflow("build", w -> w
                .job("compile", Duration.ofSeconds(10)))).build());
        String id = http.trigger("gh/acme/api");
        clock.advance(Duration.ofSeconds(20));
        JsonNode job = http.jobs(byName(http.workflows(id), "build").get("id").asText()).get(0);
        long number = job.get("job_number").asLong();

        JsonNode details = http.get("/project/gh/acme/api/job/" + number).json();
        assertThat(details.get("number").asLong()).isEqualTo(number);
        assertThat(details.get("status").asText()).isEqualTo("success");
        assertThat(details.get("duration").asLong()).isEqualTo(10_000);
        assertThat(details.get("web_url").asText())
                .startsWith(sim.baseUrl() + "/pipelines/github/acme/api/1/workflows/")
                .endsWith("/jobs/" + number);
        assertThat(details.get("pipeline").get("id").asText()).isEqualTo(id);
        assertThat(http.get("/project/gh/acme/api/job/999").status()).isEqualTo(404);
    }

    @Test
    void aForcedUnknownStatusShowsUntilItsTimeIsUp() {
        Http http = start(Scenario.builder().project("gh/acme/api", p -> p
                .workflow("serial", w -> w.status("queued", Duration.ofSeconds(20)).job("deploy", Duration.ofSeconds(5)))
                .workflow("broken", w -> w.status("error").job("never", Duration.ofSeconds(5)))).build());
        String id = http.trigger("gh/acme/api");
        clock.advance(Duration.ofSeconds(1));
        assertThat(byName(http.workflows(id), "serial").get("status").asText()).isEqualTo("queued");
        JsonNode broken = byName(http.workflows(id), "broken");
        assertThat(broken.get("status").asText()).isEqualTo("error");
        assertThat(broken.get("stopped_at").isNull()).isFalse();

        clock.advance(Duration.ofSeconds(20));
        assertThat(byName(http.workflows(id), "serial").get("status").asText()).isEqualTo("running");
        clock.advance(Duration.ofSeconds(5));
        assertThat(byName(http.workflows(id), "serial").get("status").asText()).isEqualTo("success");
        assertThat(sim.completedAt(id)).contains(clock.instant());
    }

    @Test
    void theDefaultScenarioFinishesWithinTenSecondsAllGreen() {
        Http http = start(Scenario.defaults());
        String id = http.trigger("gh/anyone/anything");
        clock.advance(Duration.ofSeconds(10));
        JsonNode workflows = http.workflows(id);
        assertThat(workflows).hasSizeGreaterThanOrEqualTo(2);
        workflows.forEach(w -> assertThat(w.get("status").asText()).isEqualTo("success"));
        assertThat(sim.completedAt(id)).isPresent();
        assertThat(sim.requestCount(id)).isEqualTo(2); // the trigger and one workflow list
    }

    @Test
    void pipelineStatesFollowTheScriptedSteps() {
        Http http = start(Scenario.builder().project("gh/acme/dyn", p -> p
                .step("setup-pending", Duration.ofSeconds(2)).step("setup", Duration.ofSeconds(3))
                .step("pending", Duration.ofSeconds(4)).workflow("build", w -> w.job("a", Duration.ofSeconds(1))))
                .build());
        Http.Reply created = http.post("/project/gh/acme/dyn/pipeline", "");
        assertThat(created.json().get("state").asText()).isEqualTo("setup-pending");
        String id = created.json().get("id").asText();
        clock.advance(Duration.ofSeconds(2));
        assertThat(http.get("/pipeline/" + id).json().get("state").asText()).isEqualTo("setup");
        clock.advance(Duration.ofSeconds(3));
        assertThat(http.get("/pipeline/" + id).json().get("state").asText()).isEqualTo("pending");
        clock.advance(Duration.ofSeconds(4));
        JsonNode p = http.get("/pipeline/" + id).json();
        assertThat(p.get("state").asText()).isEqualTo("created");
        assertThat(p.get("vcs").get("branch").asText()).as("no branch or tag given: the default branch")
                .isEqualTo("main");
        assertThat(p.get("vcs").has("tag")).isFalse();
        assertThat(Instant.parse(p.get("updated_at").asText())).isEqualTo(clock.instant());
    }
}
