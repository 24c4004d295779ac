package io.jenkins.plugins.circleci.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.PipelineTruth;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import io.jenkins.plugins.circleci.steps.RestartableStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The yardstick itself: what a wait must conclude from the pipeline's final state and the step's options. */
class OracleTest {
    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void theLatestRunOfEachWorkflowCountsAndTheWorstWins() {
        PipelineTruth truth = created(workflow("build", "failed", false, null), workflow("lint", "success", false,
                null), workflow("build", "success", false, 1));
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), truth))
                .isEqualTo(new Oracle.Expected("SUCCESS", "COMPLETED", Map.of("lint", "success", "build", "success")));
        PipelineTruth red = created(workflow("build", "success", false, null), workflow("test", "failed", false,
                null), workflow("deploy", "canceled", false, null));
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), red).result()).isEqualTo("ABORTED");
        assertThat(Oracle.expect(plan(null, Map.of("failed", "UNSTABLE"), List.of("build", "test")), red))
                .isEqualTo(new Oracle.Expected("UNSTABLE", "COMPLETED", Map.of("build", "success", "test",
                        "failed")));
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), created(workflow("odd", "a_new_status", false,
                null)))).as("running, as far as anyone can tell").isNull();
    }

    @Test
    void aPipelineThatErroredHadNoWorkflowsOrOnlyASetupEndsAsTheRulesSay() {
        PipelineTruth errored = new PipelineTruth("p", 1, "gh/soak/x", "main", Map.of(), T, "errored",
                List.of("bad config"), List.of(), T);
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), errored).reason()).isEqualTo("ERRORED");
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), created()))
                .isEqualTo(new Oracle.Expected("NOT_BUILT", "NO_WORKFLOWS", Map.of()));
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), created(workflow("setup", "failed", true, null))))
                .isEqualTo(new Oracle.Expected("FAILURE", "COMPLETED", Map.of()));
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), created(workflow("setup", "canceled", true, null)))
                .result()).isEqualTo("ABORTED");
        PipelineTruth pending = new PipelineTruth("p", 1, "gh/soak/x", "main", Map.of(), T, "setup-pending",
                List.of(), List.of(), null);
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), pending)).isNull();
    }

    @Test
    void aHoldIsJudgedByTheOnHoldPolicy() {
        PipelineTruth held = created(workflow("build", "success", false, null), workflow("deploy", "on_hold", false,
                null));
        assertThat(Oracle.expect(plan("fail", Map.of(), List.of()), held))
                .isEqualTo(new Oracle.Expected("FAILURE", "ON_HOLD", Map.of()));
        assertThat(Oracle.expect(plan("succeed", Map.of(), List.of()), held))
                .isEqualTo(new Oracle.Expected("SUCCESS", "ON_HOLD", Map.of("build", "success", "deploy", "on_hold")));
        assertThat(Oracle.expect(plan(null, Map.of(), List.of()), held)).as("still waiting for approval").isNull();
    }

    @Test
    void underTheUnstablePolicyAHoldIsUnstableOrWorseForWhatHadEndedWorseByThen() {
        PipelineTruth held = created(workflow("build", "failed", T.plusSeconds(60)), workflow("deploy", "on_hold",
                null));
        WaitPlan plan = plan("unstable", Map.of(), List.of());
        assertThat(Oracle.expect(plan, held, T.plusSeconds(30)))
                .as("the build failed after the wait stopped at the hold")
                .isEqualTo(new Oracle.Expected("UNSTABLE", "ON_HOLD", Map.of()));
        assertThat(Oracle.expect(plan, held, T.plusSeconds(60)))
                .isEqualTo(new Oracle.Expected("FAILURE", "ON_HOLD", Map.of()));
        assertThat(Oracle.expect(plan, created(workflow("build", "running", null), workflow("deploy", "on_hold",
                null)), T.plusSeconds(30)).result()).as("whatever still runs").isEqualTo("UNSTABLE");
    }

    @Test
    void aHoldTimesOutOnlyOnceAGateStillWaitingHadWaitedTheHoldTimeout() {
        Duration holdTimeout = Duration.ofMinutes(5);
        WaitPlan plan = holdPlan(holdTimeout);
        Instant since = T.plusSeconds(60);
        Instant early = since.plus(Duration.ofMinutes(4));
        Instant due = since.plus(holdTimeout);
        Oracle.Expected timedOut = new Oracle.Expected("FAILURE", "HOLD_TIMED_OUT", Map.of());

        // The step canceled the gate as it gave up.
        assertThat(Oracle.acceptable(plan, created(workflow("build", "success", T.plusSeconds(30)),
                workflow("deploy", "canceled", early)), early, List.of(new Oracle.Hold("deploy", since, null))))
                .as("too early").doesNotContain(timedOut);
        assertThat(Oracle.acceptable(plan, created(workflow("build", "success", T.plusSeconds(30)),
                workflow("deploy", "canceled", due)), due, List.of(new Oracle.Hold("deploy", since, null))))
                .contains(timedOut);
        assertThat(Oracle.acceptable(plan, created(workflow("build", "failed", T.plusSeconds(30)),
                workflow("deploy", "canceled", due)), due, List.of(new Oracle.Hold("deploy", since, null))))
                .as("worse for what had ended worse").contains(new Oracle.Expected("FAILURE", "HOLD_TIMED_OUT",
                        Map.of())).doesNotContain(new Oracle.Expected("ABORTED", "HOLD_TIMED_OUT", Map.of()));

        // Approved in time: the wait follows the pipeline to its end.
        PipelineTruth approved = created(workflow("build", "success", T.plusSeconds(30)),
                workflow("deploy", "success", due.plusSeconds(60)));
        List<Oracle.Hold> inTime = List.of(new Oracle.Hold("deploy", since, since.plusSeconds(90)));
        assertThat(Oracle.acceptable(plan, approved, due.plusSeconds(60), inTime))
                .containsExactly(new Oracle.Expected("SUCCESS", "COMPLETED", Map.of("build", "success", "deploy",
                        "success")));

        // Approved long after the hold timeout (and its slack): the wait should have given up long before.
        Instant late = since.plus(holdTimeout).plus(Oracle.HOLD_TIMEOUT_SLACK).plusSeconds(60);
        assertThat(Oracle.acceptable(plan, approved, late.plusSeconds(60), List.of(new Oracle.Hold("deploy", since,
                late)))).isEmpty();
    }

    private static WaitPlan holdPlan(Duration holdTimeout) {
        RestartableStep.Options options = new RestartableStep.Options("gh/soak/x", "main", Map.of(), "2h", List.of(),
                "wait", Map.of(), holdTimeout.toSeconds() + "s", List.of());
        return new WaitPlan(0, "w00000", "hold-timeout", "gh/soak/x", ProjectScenario.builder().build(), options,
                Duration.ZERO, null, null, List.of(), false, Map.of("deploy", Duration.ofSeconds(60)), null,
                holdTimeout);
    }

    private static PipelineTruth.Workflow workflow(String name, String status, Instant stoppedAt) {
        return new PipelineTruth.Workflow(name, name, status, false, null, T, stoppedAt, Map.of());
    }

    private static WaitPlan plan(String onHold, Map<String, Object> mapping, List<String> filter) {
        RestartableStep.Options options = new RestartableStep.Options("gh/soak/x", "main", Map.of(), "2h", filter,
                onHold, mapping);
        return new WaitPlan(0, "w00000", "test", "gh/soak/x", ProjectScenario.builder().build(), options,
                Duration.ZERO, null, null, List.of(), false);
    }

    private static PipelineTruth created(PipelineTruth.Workflow... workflows) {
        return new PipelineTruth("p", 1, "gh/soak/x", "main", Map.of(), T, "created", List.of(),
                new ArrayList<>(List.of(workflows)), T);
    }

    private static PipelineTruth.Workflow workflow(String name, String status, boolean setup, Integer rerun) {
        return new PipelineTruth.Workflow(name + rerun, name, status, setup, rerun, T, T, Map.of());
    }
}
