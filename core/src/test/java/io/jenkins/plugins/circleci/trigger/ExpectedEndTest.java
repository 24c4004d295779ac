package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedEndTest {
    private static final Map<String, WorkflowDuration> HISTORY = Map.of(
            "build", new WorkflowDuration("build", Duration.ofMinutes(10), Duration.ofMinutes(12)),
            "lint", new WorkflowDuration("lint", Duration.ofMinutes(1), Duration.ofMinutes(2)));

    private static Observation look(Workflow... workflows) {
        return new Observation("created", List.of(), List.of(workflows));
    }

    @Test
    void theLatestEndOfTheRunningWorkflowsCountedFromTheirCreation() {
        ExpectedEnd end = ExpectedEnd.of(look(workflow("w1", "build", "running").createdAt(T0.plusSeconds(5)).build(),
                workflow("w2", "lint", "running").build()), WatchOptions.defaults(), HISTORY).orElseThrow();
        assertThat(end).isEqualTo(new ExpectedEnd(T0.plusSeconds(605), T0.plusSeconds(725)));
    }

    @Test
    void finishedWorkflowsAndThoseThatDoNotCountAreLeftOut() {
        WatchOptions onlyLint = WatchOptions.builder().workflows(List.of("lint")).build();
        assertThat(ExpectedEnd.of(look(workflow("w1", "build", "running").build(),
                workflow("w2", "lint", "running").build()), onlyLint, HISTORY))
                .contains(new ExpectedEnd(T0.plusSeconds(60), T0.plusSeconds(120)));
        assertThat(ExpectedEnd.of(look(workflow("w1", "build", "success").build(),
                workflow("w2", "lint", "running").build()), WatchOptions.defaults(), HISTORY))
                .contains(new ExpectedEnd(T0.plusSeconds(60), T0.plusSeconds(120)));
    }

    @Test
    void unknownWhenHistoryCannotTell() {
        WatchOptions defaults = WatchOptions.defaults();
        Workflow running = workflow("w1", "build", "running").build();
        // No history, or none for a running workflow.
        assertThat(ExpectedEnd.of(look(running), defaults, Map.of())).isEmpty();
        assertThat(ExpectedEnd.of(look(running, workflow("w2", "deploy", "running").build()), defaults, HISTORY))
                .isEmpty();
        // Not plainly running: a failure is under way, or it waits for approval, or its status is unknown.
        for (String status : List.of("failing", "on_hold", "queued", "blocked-by-something-new")) {
            assertThat(ExpectedEnd.of(look(workflow("w1", "build", status).build()), defaults, HISTORY))
                    .as(status).isEmpty();
        }
        // Still being set up, or nothing listed yet, or nothing left running.
        assertThat(ExpectedEnd.of(new Observation("pending", List.of(), List.of()), defaults, HISTORY)).isEmpty();
        assertThat(ExpectedEnd.of(look(), defaults, HISTORY)).isEmpty();
        assertThat(ExpectedEnd.of(look(workflow("w1", "build", "success").build()), defaults, HISTORY)).isEmpty();
        // More may start: a setup workflow's continuation, a failed workflow's automatic rerun.
        assertThat(ExpectedEnd.of(look(workflow("s", "build", "success").setup().build()), defaults, HISTORY))
                .isEmpty();
        assertThat(ExpectedEnd.of(look(workflow("w1", "build", "failed").autoReruns(null, 2).build(),
                workflow("w2", "lint", "running").build()), defaults, HISTORY)).isEmpty();
        // A filtered workflow has not appeared.
        WatchOptions both = WatchOptions.builder().workflows(List.of("build", "deploy")).build();
        assertThat(ExpectedEnd.of(look(running), both, HISTORY)).isEmpty();
    }
}
