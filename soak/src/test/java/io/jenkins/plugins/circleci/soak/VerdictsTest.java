package io.jenkins.plugins.circleci.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.PipelineTruth;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.steps.RestartableStep;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The judge can fail: a wrong verdict, a second pipeline, a step that never ended, a leaked secret. */
class VerdictsTest {
    private static final String SLUG = "gh/soak/w00000";
    private static final SoakSettings SETTINGS = new SoakSettings("fault soak", 1, 1, Duration.ZERO, 0, 0, false, 1,
            1);

    @Test
    void aSuccessForAPipelineThatFailedIsAFalseOutcomeAndASecondPipelineADuplicate() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-05T09:00:00Z"));
        ProjectScenario red = ProjectScenario.builder()
                .workflow("build", w -> w.job("test", Duration.ofSeconds(30), "failed")).build();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder().project(SLUG, red).build()).start()) {
            String id = trigger(sim);
            clock.advance(Duration.ofMinutes(5));
            PipelineTruth truth = sim.truth(id).orElseThrow();
            WaitRecord record = new WaitRecord(plan(), clock.instant());
            record.finished(clock.instant(), new Outcome(BuildResult.SUCCESS, OutcomeReason.COMPLETED,
                    new PipelineSummary(id, 1, SLUG, "created", null), List.of(new WorkflowSummary(
                            truth.workflows().get(0).id(), "build", "success", null)), List.of(), "all green"),
                    Map.of(), null);
            SecretScan scan = new SecretScan("CCIPAT_soak_secret");
            SoakResult clean = new Verdicts(SETTINGS, scan, sim).judge(List.of(record), sim.truths(), null,
                    Duration.ZERO, Duration.ZERO, 0, 0, 0);
            assertThat(clean.count(SoakResult.Problem.FALSE_OUTCOME)).isEqualTo(1);
            assertThat(clean.problems().get(SoakResult.Problem.FALSE_OUTCOME).get(0))
                    .contains("seed 1", "expected FAILURE/COMPLETED", "returned SUCCESS/COMPLETED", "replay:",
                            "history:", "POST /api/v2/project/gh/soak/w00000/pipeline -> 201");

            trigger(sim);
            WaitRecord never = new WaitRecord(plan(), clock.instant());
            scan.text("a console line", "token CCIPAT_soak_secret");
            SoakResult worse = new Verdicts(SETTINGS, scan, sim).judge(List.of(never), sim.truths(), null,
                    Duration.ZERO, Duration.ZERO, 0, 0, 1);
            assertThat(worse.count(SoakResult.Problem.DUPLICATE_TRIGGER)).isEqualTo(1);
            assertThat(worse.count(SoakResult.Problem.DID_NOT_END)).isEqualTo(1);
            assertThat(worse.count(SoakResult.Problem.SECRET_FOUND)).isEqualTo(1);
            assertThat(worse.count(SoakResult.Problem.UNEXPECTED_ERROR)).as("a refused webhook").isEqualTo(1);
            assertThat(worse.clean()).isFalse();
        }
    }

    private static WaitPlan plan() {
        RestartableStep.Options options = new RestartableStep.Options(SLUG, "main", Map.of(), "2h", List.of(), null,
                Map.of());
        return new WaitPlan(0, "w00000", "red", SLUG, ProjectScenario.builder().build(), options, Duration.ZERO, null,
                null, List.of(), false);
    }

    private static String trigger(CircleCiSimulator sim) throws IOException {
        Request request = new Request.Builder().url(sim.apiUrl() + "/project/" + SLUG + "/pipeline")
                .header("Circle-Token", "t").post(RequestBody.create("{\"branch\":\"main\",\"parameters\":"
                        + "{\"soak_wait\":\"w00000\"}}", MediaType.get("application/json"))).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            String body = response.body().string();
            return body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        }
    }
}
