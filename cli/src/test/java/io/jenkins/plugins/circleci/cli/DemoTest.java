package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo needs no token and no network, shows its workflows change, and succeeds. */
class DemoTest {

    @Test
    void theDemoRunsAPipelineToSuccess() {
        CliRun run = CliRun.of(Map.of(), "demo");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(run.err()).contains("CircleCI pipeline #1 (" + DemoCommand.PROJECT + ") created: http://127.0.0.1:")
                .containsPattern("workflow deploy: queued → running")
                .containsPattern("workflow build: .*success")
                .containsPattern("workflow lint: .*success")
                .containsPattern("workflow deploy: .*success");
        assertThat(run.out().lines()).singleElement().asString().startsWith("SUCCESS: ");
    }
}
