package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.WorkflowSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented file format, in YAML and JSON, reads into the same model the builder makes. */
class ScenarioFileTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ScenarioFileTest.class.getResource("/scenarios/" + name).toURI());
    }

    private static String text(String name) throws IOException {
        try (InputStream in = ScenarioFileTest.class.getResourceAsStream("/scenarios/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryFeatureFromYaml() throws Exception {
        Scenario s = Scenario.fromFile(resource("full.yaml"));
        ProjectScenario api = s.project("gh/acme/api").orElseThrow();
        assertThat(api.branches()).containsExactly("main", "develop");
        WorkflowSpec build = api.workflows().get(0);
        assertThat(build.jobs()).extracting(JobSpec::name).containsExactly("checkout", "test", "lint");
        assertThat(build.jobs().get(1).tests()).isEqualTo(12);
        assertThat(build.jobs().get(1).requires()).as("absent = the previous job").isNull();
        assertThat(build.jobs().get(2).requires()).containsExactly("checkout");
        assertThat(api.workflows().get(1).jobs().get(0).approval()).isTrue();
        assertThat(api.workflows().get(1).jobs().get(1).outcome()).isEqualTo("failed");

        ProjectScenario dyn = s.project("gh/acme/dynamic").orElseThrow();
        assertThat(dyn.hasSetupWorkflow()).isTrue();
        assertThat(dyn.continuationDelay()).isEqualTo(Duration.ofSeconds(45));
        assertThat(dyn.workflows().get(1).maxAutoReruns()).isEqualTo(2);
        assertThat(dyn.workflows().get(1).autoRerunOutcome(1)).isEqualTo("failed");
        assertThat(dyn.workflows().get(1).autoRerunOutcome(2)).isEqualTo("success");
        assertThat(dyn.workflows().get(1).jobs().get(0).duration()).isEqualTo(Duration.ofMinutes(1));

        assertThat(s.project("gh/acme/broken").orElseThrow().errors().get(0).type()).isEqualTo("config");
        assertThat(s.project("gh/acme/skipped").orElseThrow().notTriggered()).isTrue();
        assertThat(s.project("gh/acme/serial").orElseThrow().workflows().get(0).status()).isEqualTo("queued");
        assertThat(s.project("gh/someone/else").orElseThrow().workflows().get(0).name()).isEqualTo("build");

        assertThat(s.faults()).extracting(FaultRule::kind).containsExactly(FaultRule.Kind.STATUS,
                FaultRule.Kind.RATE_LIMIT, FaultRule.Kind.DELAY, FaultRule.Kind.DISCONNECT, FaultRule.Kind.MALFORMED_JSON);
        assertThat(s.faults().get(0).first()).isEqualTo(3);
        assertThat(s.faults().get(1).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.webhooks().get(0).events()).containsExactly("workflow-completed");
        assertThat(s.isValidToken("bad-token")).isFalse();
        assertThat(s.isValidToken("anything")).isTrue();
    }

    @Test
    void jsonAndTheBuilderDescribeTheSameScenario() throws Exception {
        Scenario fromJson = Scenario.fromJson(text("minimal.json"));
        Scenario built = Scenario.builder()
                .project("gh/acme/api", p -> p
                        .workflow("build", w -> w.job("test", Duration.ofSeconds(30)))
                        .workflow("deploy", w -> w.approval("hold").job("ship", Duration.ofSeconds(10), "failed")))
                .rateLimitEvery(5, 2)
                .invalidToken("bad-token")
                .build();
        assertThat(fromJson).isEqualTo(built);
    }

    @Test
    void aTypoIsAnErrorThatNamesTheKeyAndWhereItIs() {
        assertThatThrownBy(() -> Scenario.fromYaml("projects:\n  gh/a/b:\n    workflow: []\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'workflow'")
                .hasMessageContaining("$.projects['gh/a/b']");
        assertThatThrownBy(() -> Scenario.fromJson("{\"faults\":[{\"kind\":\"explode\"}]}"))
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> Scenario.fromYaml("projects:\n  gh/a/b:\n    workflows:\n      - name: w\n"
                + "        jobs: [{name: b, requires: [a]}]\n"))
                .hasMessageContaining("requires");
    }

    @Test
    void anEmptyFileIsTheDefaultScenario() {
        assertThat(Scenario.fromYaml("")).isEqualTo(Scenario.defaults());
        assertThat(Scenario.defaults().project("gh/any/thing")).contains(ProjectScenario.defaults());
        assertThat(List.of(Scenario.defaults().defaultProject().workflows().size())).containsExactly(2);
    }
}
