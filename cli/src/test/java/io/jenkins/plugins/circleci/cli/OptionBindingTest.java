package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.GitRef;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.trigger.OnHoldPolicy;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every option lands where core expects it. */
class OptionBindingTest {
    private static final CliContext CONTEXT = new CliContext(System.out, System.err, true, Map.of(),
            java.time.Clock.systemUTC(), Interrupts.NONE, UnaryOperator.identity());

    private static RunCommand run(String... args) {
        RunCommand command = new RunCommand(CONTEXT);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void runOptionsMakeTheTriggerRequest() {
        TriggerRequest request = run("--project", "gh/acme/api", "--branch", "release/1.2", "--param", "deploy=true",
                "--param", "shards=4", "--param", "region=eu", "--string-param", "version=42",
                "--definition-id", "5034460f-c7c4-4c43-9457-de07e2029e7b").request();

        assertThat(request.project().value()).isEqualTo("gh/acme/api");
        assertThat(request.branch()).contains("release/1.2");
        assertThat(request.tag()).isEmpty();
        assertThat(request.parameters()).containsExactly(Map.entry("deploy", true), Map.entry("shards", 4L),
                Map.entry("region", "eu"), Map.entry("version", "42"));
        assertThat(request.definitionId()).contains("5034460f-c7c4-4c43-9457-de07e2029e7b");
        assertThat(request.usesPipelineRun()).isTrue();
    }

    @Test
    void configAndCheckoutRefsOverrideBranchOnTheirSide() {
        TriggerRequest request = run("--project", "gh/acme/api", "--branch", "main", "--config-branch",
                "pull/12/head", "--definition-id", "5034460f-c7c4-4c43-9457-de07e2029e7b").request();
        assertThat(request.configRef()).contains(GitRef.branch("pull/12/head"));
        assertThat(request.checkoutRef()).contains(GitRef.branch("main"));

        request = run("--project", "gh/acme/api", "--config-tag", "v1", "--checkout-branch", "dev",
                "--definition-id", "5034460f-c7c4-4c43-9457-de07e2029e7b").request();
        assertThat(request.configRef()).contains(GitRef.tag("v1"));
        assertThat(request.checkoutRef()).contains(GitRef.branch("dev"));
        assertThat(request.branch()).isEmpty();
    }

    @Test
    void artifactsAreOffUnlessAsked() {
        assertThat(run("--project", "gh/acme/api").waiting.artifacts).isFalse();
        assertThat(run("--project", "gh/acme/api", "--artifacts").waiting.artifacts).isTrue();
    }

    @Test
    void aTagInsteadOfABranch() {
        TriggerRequest request = run("--project", "bb/acme/api", "--tag", "v1.0.0").request();
        assertThat(request.tag()).contains("v1.0.0");
        assertThat(request.branch()).isEmpty();
        assertThat(request.usesPipelineRun()).isFalse();
    }

    @Test
    void neitherBranchNorTagLeavesBothEmpty() {
        TriggerRequest request = run("--project", "gh/acme/api").request();
        assertThat(request.branch()).isEmpty();
        assertThat(request.tag()).isEmpty();
        assertThat(request.parameters()).isEmpty();
    }

    @Test
    void waitingOptionsMakeTheWatchOptions() {
        RunCommand command = run("--project", "gh/acme/api", "--timeout", "1h30m", "--workflow", "build",
                "--workflow", "deploy", "--on-hold", "succeed", "--no-cancel-on-abort");
        WatchOptions options = command.waiting.toWatchOptions(UnaryOperator.identity());

        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(options.workflows()).containsExactly("build", "deploy");
        assertThat(options.onHold()).isEqualTo(OnHoldPolicy.SUCCEED);
        assertThat(options.cancelOnAbort()).isFalse();
    }

    @Test
    void holdOptionsMakeTheWatchOptions() {
        WatchOptions options = run("--project", "gh/acme/api", "--hold-timeout", "45m", "--approve", "hold-for-prod",
                "--approve", "hold-for-qa").waiting.toWatchOptions(UnaryOperator.identity());
        assertThat(options.holdTimeout()).contains(Duration.ofMinutes(45));
        assertThat(options.approve()).containsExactly("hold-for-prod", "hold-for-qa");
        assertThat(run("--project", "gh/acme/api", "--on-hold", "unstable").waiting
                .toWatchOptions(UnaryOperator.identity()).onHold()).isEqualTo(OnHoldPolicy.UNSTABLE);
    }

    @Test
    void waitingDefaultsAreCoresDefaults() {
        WatchOptions options = run("--project", "gh/acme/api").waiting.toWatchOptions(UnaryOperator.identity());
        WatchOptions defaults = WatchOptions.defaults();

        assertThat(options.timeout()).isEqualTo(defaults.timeout());
        assertThat(options.workflows()).isEmpty();
        assertThat(options.onHold()).isEqualTo(OnHoldPolicy.WAIT);
        assertThat(options.cancelOnAbort()).isTrue();
        assertThat(options.holdTimeout()).isEmpty();
        assertThat(options.approve()).isEmpty();
    }

    @Test
    void theContextsTuningHasTheLastWord() {
        WatchOptions options = run("--project", "gh/acme/api", "--timeout", "2h").waiting
                .toWatchOptions(b -> b.pollInterval(Duration.ofMillis(100), Duration.ofMillis(200)));
        assertThat(options.timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(options.minPollInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void connectionOptions() {
        RunCommand defaults = run("--project", "gh/acme/api");
        assertThat(defaults.connection.server).isEqualTo(URI.create("https://circleci.com"));
        assertThat(defaults.connection.json).isFalse();
        assertThat(defaults.noWait).isFalse();

        RunCommand given = run("--project", "gh/acme/api", "--server", "https://circleci.example.com/",
                "--token-file", "/run/secrets/circleci", "--json", "--no-wait");
        assertThat(given.connection.server).isEqualTo(URI.create("https://circleci.example.com/"));
        assertThat(given.connection.tokenFile).isEqualTo(Path.of("/run/secrets/circleci"));
        assertThat(given.connection.json).isTrue();
        assertThat(given.noWait).isTrue();
    }

    @Test
    void waitTakesThePipelineIdInLowerCase() {
        WaitCommand command = new WaitCommand(CONTEXT);
        new CommandLine(command).parseArgs("--pipeline-id", "5034460F-C7C4-4C43-9457-DE07E2029E7B", "--json",
                "--workflow", "build", "--on-hold", "fail", "--timeout", "90s");
        assertThat(command.pipelineId).isEqualTo("5034460f-c7c4-4c43-9457-de07e2029e7b");
        assertThat(command.connection.json).isTrue();
        WatchOptions options = command.waiting.toWatchOptions(UnaryOperator.identity());
        assertThat(options.workflows()).containsExactly("build");
        assertThat(options.onHold()).isEqualTo(OnHoldPolicy.FAIL);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
    }
}
