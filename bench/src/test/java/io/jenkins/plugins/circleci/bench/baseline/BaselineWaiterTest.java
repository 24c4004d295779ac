package io.jenkins.plugins.circleci.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.bench.harness.BenchProjects;
import io.jenkins.plugins.circleci.bench.harness.PipelineStarter;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The baseline waits like the peers: fixed interval, pipeline then workflows, until all are terminal. */
class BaselineWaiterTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void pollsEveryTenSecondsUntilEveryWorkflowIsTerminal() throws Exception {
        Scenario scenario = Scenario.builder().project("gh/bench/p0", p -> p
                .workflow("build", w -> w.job("compile", Duration.ofSeconds(25)))
                .workflow("lint", w -> w.job("lint", Duration.ofSeconds(5), "failed"))).build();
        try (CircleCiSimulator sim = start(scenario)) {
            PlainApi api = new PlainApi(new OkHttpClient(), sim.baseUrl(), BenchProjects.TOKEN);
            String id = new PipelineStarter(api).trigger("gh/bench/p0").id();

            BaselineOutcome outcome = new BaselineWaiter(api, BaselineWaiter.DEFAULT_INTERVAL, clock::advance)
                    .await(id);

            // Done after 1 s pending + 25 s: seen at the poll of t = 30 s, the fourth.
            assertThat(outcome.polls()).isEqualTo(4);
            assertThat(outcome.workflowStatuses()).isEqualTo(Map.of("build", "success", "lint", "failed"));
            assertThat(outcome.success()).isFalse();
            assertThat(sim.journal().count("GET", "^/pipeline/[^/]+$")).isEqualTo(4);
            assertThat(sim.journal().count("GET", "^/pipeline/[^/]+/workflow$")).isEqualTo(4);
        }
    }

    @Test
    void stopsAtAnErroredPipelineWithoutListingWorkflows() throws Exception {
        Scenario scenario = Scenario.builder().project("gh/bench/p0", p -> p.errored("config", "bad yaml")).build();
        try (CircleCiSimulator sim = start(scenario)) {
            PlainApi api = new PlainApi(new OkHttpClient(), sim.baseUrl(), BenchProjects.TOKEN);
            String id = new PipelineStarter(api).trigger("gh/bench/p0").id();
            clock.advance(Duration.ofMinutes(1));

            BaselineOutcome outcome = new BaselineWaiter(api, BaselineWaiter.DEFAULT_INTERVAL, clock::advance)
                    .await(id);

            assertThat(outcome.pipelineState()).isEqualTo("errored");
            assertThat(outcome.success()).isFalse();
            assertThat(outcome.polls()).isEqualTo(1);
            assertThat(sim.journal().count("GET", "/workflow")).isZero();
        }
    }

    private CircleCiSimulator start(Scenario scenario) {
        return CircleCiSimulator.builder().clock(clock).scenario(scenario).webhookPollInterval(null).start();
    }
}
