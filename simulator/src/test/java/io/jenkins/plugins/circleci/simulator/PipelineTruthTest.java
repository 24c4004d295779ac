package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The simulator's own account of a pipeline, read from its model: what a soak compares verdicts with. */
class PipelineTruthTest {

    @Test
    void aPipelineIsPendingThenRunsThenIsCompleteWithItsRerunListedAfterTheRunItSupersedes() {
        ManualClock clock = new ManualClock();
        Scenario scenario = Scenario.builder().project("gh/acme/api", p -> p
                .workflow("build", w -> w.job("test", Duration.ofSeconds(30), "failed").maxAutoReruns(1)
                        .autoRerunOutcomes("success"))
                .workflow("lint", w -> w.job("lint", Duration.ofSeconds(5)))).build();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).scenario(scenario)
                .webhookPollInterval(null).start()) {
            Http http = new Http(sim);
            String id = http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"dev\",\"parameters\":{\"run\":\"r-1\"}}")
                    .json().get("id").asText();
            PipelineTruth pending = sim.truth(id).orElseThrow();
            assertThat(pending.state()).isEqualTo("pending");
            assertThat(pending.workflows()).isEmpty();
            assertThat(pending.complete()).isFalse();
            assertThat(pending.branch()).isEqualTo("dev");
            assertThat(pending.parameters()).containsEntry("run", "r-1");

            clock.advance(Duration.ofSeconds(20));
            PipelineTruth running = sim.truth(id).orElseThrow();
            assertThat(running.state()).isEqualTo("created");
            assertThat(running.workflows()).extracting(PipelineTruth.Workflow::name, PipelineTruth.Workflow::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("build", "running"),
                            org.assertj.core.groups.Tuple.tuple("lint", "success"));

            clock.advance(Duration.ofSeconds(20));
            assertThat(sim.truth(id).orElseThrow().complete()).as("the rerun is still due").isFalse();

            clock.advance(Duration.ofMinutes(2));
            PipelineTruth done = sim.truth(id).orElseThrow();
            assertThat(done.complete()).isTrue();
            assertThat(done.completedAt()).isEqualTo(sim.completedAt(id).orElseThrow());
            assertThat(done.workflows()).extracting(PipelineTruth.Workflow::name, PipelineTruth.Workflow::status,
                    PipelineTruth.Workflow::autoRerunNumber).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("build", "failed", null),
                    org.assertj.core.groups.Tuple.tuple("lint", "success", null),
                    org.assertj.core.groups.Tuple.tuple("build", "success", 1));
            assertThat(done.workflows().get(0).jobs()).containsEntry("test", "failed");
            assertThat(sim.truths()).extracting(PipelineTruth::id).containsExactly(id);
        }
    }

    @Test
    void anErroredPipelineCarriesItsErrorsAndAHeldOneCompletesOnlyOnceApproved() {
        ManualClock clock = new ManualClock();
        Scenario scenario = Scenario.builder()
                .project("gh/acme/broken", p -> p.errored("config", "Config does not conform to schema"))
                .project("gh/acme/gated", p -> p.workflow("deploy", w -> w.approval("hold")
                        .job("ship", Duration.ofSeconds(10))))
                .build();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).scenario(scenario)
                .webhookPollInterval(null).start()) {
            Http http = new Http(sim);
            String broken = http.trigger("gh/acme/broken");
            String gated = http.trigger("gh/acme/gated");
            clock.advance(Duration.ofMinutes(1));
            PipelineTruth errored = sim.truth(broken).orElseThrow();
            assertThat(errored.state()).isEqualTo("errored");
            assertThat(errored.errors()).containsExactly("Config does not conform to schema");
            assertThat(errored.complete()).isTrue();

            PipelineTruth held = sim.truth(gated).orElseThrow();
            assertThat(held.workflows()).singleElement().extracting(PipelineTruth.Workflow::status)
                    .isEqualTo("on_hold");
            assertThat(held.complete()).isFalse();
            assertThat(sim.approveHeld(gated)).isEqualTo(1);
            assertThat(sim.approveHeld(gated)).as("nothing left on hold").isZero();
            clock.advance(Duration.ofSeconds(30));
            PipelineTruth shipped = sim.truth(gated).orElseThrow();
            assertThat(shipped.workflows().get(0).status()).isEqualTo("success");
            assertThat(shipped.complete()).isTrue();
            assertThat(sim.truth("not-a-uuid")).isEmpty();

            String shippedId = shipped.workflows().get(0).id();
            String rerunId = sim.rerun(shippedId).orElseThrow();
            PipelineTruth rerun = sim.truth(gated).orElseThrow();
            assertThat(rerun.workflows()).extracting(PipelineTruth.Workflow::id).containsExactly(shippedId, rerunId);
            assertThat(rerun.complete()).as("the rerun holds for approval again").isFalse();
            assertThat(sim.rerun("not-a-uuid")).isEmpty();
        }
    }
}
