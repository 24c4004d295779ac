package io.jenkins.plugins.circleci.simulator;

import static io.jenkins.plugins.circleci.simulator.Http.byName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An approval job holds its workflow until approved through the API; a cancel stops everything still going. */
class ApprovalAndCancelTest {

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p
                                .workflow("build", w -> w.job("test", Duration.ofSeconds(30)))
                                .workflow("deploy", w -> w.approval("hold").job("ship", Duration.ofSeconds(10), "failed")))
                        .project("gh/acme/slow", p -> p
                                .workflow("long", w -> w.job("first", Duration.ofSeconds(10)).job("second", Duration.ofMinutes(10))))
                        .build())
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void approvalHoldsTheWorkflowUntilApprovedThenDownstreamJobsRun() {
        String id = http.trigger("gh/acme/api");
        clock.advance(Duration.ofMinutes(5));
        JsonNode deploy = byName(http.workflows(id), "deploy");
        assertThat(deploy.get("status").asText()).isEqualTo("on_hold");
        assertThat(byName(http.workflows(id), "build").get("status").asText()).isEqualTo("success");
        String wf = deploy.get("id").asText();
        JsonNode hold = byName(http.jobs(wf), "hold");
        assertThat(hold.get("type").asText()).isEqualTo("approval");
        assertThat(hold.get("status").asText()).isEqualTo("on_hold");
        assertThat(hold.get("started_at").isNull()).isTrue();
        assertThat(hold.has("job_number")).isFalse();
        assertThat(hold.get("approval_request_id").asText()).isEqualTo(hold.get("id").asText());
        assertThat(byName(http.jobs(wf), "ship").get("status").asText()).isEqualTo("blocked");
        assertThat(sim.completedAt(id)).isEmpty();

        Http.Reply approved = http.post("/workflow/" + wf + "/approve/" + hold.get("id").asText(), null);
        assertThat(approved.status()).isEqualTo(202);
        assertThat(approved.message()).isEqualTo("Accepted.");
        Instant approvedAt = clock.instant();

        JsonNode jobs = http.jobs(wf);
        assertThat(byName(jobs, "hold").get("status").asText()).isEqualTo("success");
        assertThat(byName(jobs, "hold").has("approved_by")).isTrue();
        assertThat(byName(jobs, "hold").has("job_number")).isTrue();
        assertThat(byName(jobs, "ship").get("status").asText()).isEqualTo("running");
        assertThat(http.get("/workflow/" + wf).json().get("status").asText()).isEqualTo("running");
        long holdNumber = byName(jobs, "hold").get("job_number").asLong();
        assertThat(http.get("/project/gh/acme/api/job/" + holdNumber).status())
                .as("CircleCI answers 404 for an approval job's details").isEqualTo(404);

        clock.advance(Duration.ofSeconds(10));
        assertThat(http.get("/workflow/" + wf).json().get("status").asText()).isEqualTo("failed");
        assertThat(sim.completedAt(id)).contains(approvedAt.plusSeconds(10));
    }

    @Test
    void approvingTwiceOrAnUnknownRequestIsRefused() {
        String id = http.trigger("gh/acme/api");
        clock.advance(Duration.ofSeconds(2));
        String wf = byName(http.workflows(id), "deploy").get("id").asText();
        String hold = byName(http.jobs(wf), "hold").get("id").asText();
        assertThat(http.post("/workflow/" + wf + "/approve/" + hold, null).status()).isEqualTo(202);
        assertThat(http.post("/workflow/" + wf + "/approve/" + hold, null).status()).isEqualTo(400);
        String ship = byName(http.jobs(wf), "ship").get("id").asText();
        assertThat(http.post("/workflow/" + wf + "/approve/" + ship, null).status()).isEqualTo(404);
    }

    @Test
    void cancelTurnsRunningAndPendingJobsAndTheWorkflowCanceled() {
        String id = http.trigger("gh/acme/slow");
        clock.advance(Duration.ofSeconds(30));
        String wf = byName(http.workflows(id), "long").get("id").asText();
        assertThat(byName(http.jobs(wf), "second").get("status").asText()).isEqualTo("running");

        Http.Reply canceled = http.post("/workflow/" + wf + "/cancel", null);
        assertThat(canceled.status()).isEqualTo(202);
        assertThat(canceled.message()).isEqualTo("Accepted.");
        Instant cancelAt = clock.instant();
        clock.advance(Duration.ofHours(1));

        JsonNode workflow = http.get("/workflow/" + wf).json();
        assertThat(workflow.get("status").asText()).isEqualTo("canceled");
        assertThat(Instant.parse(workflow.get("stopped_at").asText())).isEqualTo(cancelAt);
        assertThat(workflow.has("canceled_by")).isTrue();
        JsonNode jobs = http.jobs(wf);
        assertThat(byName(jobs, "first").get("status").asText()).isEqualTo("success");
        assertThat(byName(jobs, "second").get("status").asText()).isEqualTo("canceled");
        assertThat(Instant.parse(byName(jobs, "second").get("stopped_at").asText())).isEqualTo(cancelAt);
        assertThat(sim.completedAt(id)).contains(cancelAt);
    }

    @Test
    void cancellingAnOnHoldWorkflowCancelsTheApprovalAndTheBlockedJobs() {
        String id = http.trigger("gh/acme/api");
        clock.advance(Duration.ofSeconds(2));
        String wf = byName(http.workflows(id), "deploy").get("id").asText();
        assertThat(http.post("/workflow/" + wf + "/cancel", null).status()).isEqualTo(202);
        JsonNode jobs = http.jobs(wf);
        assertThat(byName(jobs, "hold").get("status").asText()).isEqualTo("canceled");
        assertThat(byName(jobs, "ship").get("status").asText()).isEqualTo("canceled");
        assertThat(http.get("/workflow/" + wf).json().get("status").asText()).isEqualTo("canceled");
    }

    @Test
    void cancellingAFinishedWorkflowChangesNothing() {
        String id = http.trigger("gh/acme/slow");
        clock.advance(Duration.ofMinutes(20));
        String wf = byName(http.workflows(id), "long").get("id").asText();
        assertThat(http.post("/workflow/" + wf + "/cancel", null).status()).isEqualTo(202);
        assertThat(http.get("/workflow/" + wf).json().get("status").asText()).isEqualTo("success");
    }

    @Test
    void unknownWorkflowsAndPipelinesAre404() {
        String unknown = "5034460f-c7c4-4c43-9457-de07e2029e7b";
        assertThat(http.get("/workflow/" + unknown).status()).isEqualTo(404);
        assertThat(http.post("/workflow/" + unknown + "/cancel", null).status()).isEqualTo(404);
        assertThat(http.get("/pipeline/" + unknown).status()).isEqualTo(404);
        assertThat(http.get("/pipeline/not-a-uuid/workflow").status()).isEqualTo(404);
        assertThat(http.get("/project/gh/acme/api/pipeline/77").status()).isEqualTo(404);
    }
}
