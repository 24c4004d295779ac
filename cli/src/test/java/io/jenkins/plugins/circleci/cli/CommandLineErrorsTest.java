package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input ends with exit 2, a message on stderr that says what to change, and nothing on stdout. */
class CommandLineErrorsTest {
    private static final Map<String, String> TOKEN = Map.of("CIRCLECI_TOKEN", "t0ken-value");

    private static CliRun refused(Map<String, String> env, String... args) {
        CliRun run = CliRun.of(env, args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        return run;
    }

    @Test
    void branchAndTagAreMutuallyExclusive() {
        CliRun run = refused(TOKEN, "run", "--project", "gh/acme/api", "--branch", "main", "--tag", "v1");
        assertThat(run.err()).contains("--branch=BRANCH, --tag=TAG are mutually exclusive")
                .contains("See 'circleci-trigger run --help'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0s", "-5m", "10", "1w"})
    void aBadTimeoutIsRefused(String timeout) {
        CliRun run = refused(TOKEN, "run", "--project", "gh/acme/api", "--timeout", timeout);
        assertThat(run.err()).contains("Invalid value for option '--timeout'").contains("'" + timeout + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999999999h", "99999999999999999999s", "31d"})
    void aTimeoutOverThirtyDaysIsRefusedSayingTheBound(String timeout) {
        CliRun run = refused(TOKEN, "wait", "--pipeline-id", "5034460f-c7c4-4c43-9457-de07e2029e7b", "--timeout",
                timeout);
        assertThat(run.err()).contains("'" + timeout + "' is too long; a duration may be at most 30d")
                .doesNotContain("For input string", "Exception");
    }

    @Test
    void aBadOnHoldPolicyIsRefused() {
        CliRun run = refused(TOKEN, "wait", "--pipeline-id", "5034460f-c7c4-4c43-9457-de07e2029e7b", "--on-hold",
                "approve");
        assertThat(run.err()).contains("'approve' is not an on-hold policy; use wait, fail, succeed or unstable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-5m", "soon"})
    void aBadHoldTimeoutIsRefused(String holdTimeout) {
        CliRun run = refused(TOKEN, "run", "--project", "gh/acme/api", "--hold-timeout", holdTimeout);
        assertThat(run.err()).contains("Invalid value for option '--hold-timeout'").contains("'" + holdTimeout + "'")
                .doesNotContain("Exception");
    }

    @Test
    void aHoldTimeoutWithAnotherOnHoldPolicyIsRefusedBeforeAnythingIsSent() {
        CliRun run = refused(TOKEN, "run", "--project", "gh/acme/api", "--hold-timeout", "30m", "--on-hold",
                "unstable");
        assertThat(run.err()).contains("--hold-timeout bounds how long the wait keeps waiting for an approval, so it "
                + "needs --on-hold wait, not --on-hold unstable").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"failed", "failed=YELLOW", "on_hold=SUCCESS", "running=FAILURE"})
    void aBadResultOverrideIsRefused(String override) {
        CliRun run = refused(TOKEN, "run", "--project", "gh/acme/api", "--result", override);
        assertThat(run.err()).contains("Invalid value for option '--result'")
                .containsAnyOf("STATUS=RESULT", "is not a result", "is not a final CircleCI status");
    }

    @Test
    void aParameterWithoutEqualsIsRefused() {
        CliRun run = refused(TOKEN, "run", "--project", "gh/acme/api", "--param", "deploy");
        assertThat(run.err()).contains("'deploy' has no '='").contains("name=value");
    }

    @Test
    void aParameterWithAnEmptyNameIsRefused() {
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--string-param", "=x").err())
                .contains("empty name");
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--param", "env=1", "--string-param", "env=2")
                .err()).contains("'env' is given more than once");
    }

    @Test
    void aBadSlugIsRefusedWithTheAcceptedForms() {
        assertThat(refused(TOKEN, "run", "--project", "acme/api").err())
                .contains("'acme/api' is not a CircleCI project slug").contains("gh/<org>/<repo>");
    }

    @Test
    void anOpaqueSlugNeedsADefinitionId() {
        assertThat(refused(TOKEN, "run", "--project", "circleci/43G3kM5RtfFE7v5sa4nWAU/44n9pujWcTnVZ2b5S8Fnat").err())
                .contains("pipeline definition id");
    }

    @Test
    void aConfigOrCheckoutRefNeedsADefinitionId() {
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--config-branch", "ci").err())
                .contains("without a pipeline definition id").contains("definition id from Project Settings");
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--branch", "main", "--checkout-tag", "v1")
                .err()).contains("without a pipeline definition id");
    }

    @Test
    void aConfigBranchAndAConfigTagAreMutuallyExclusive() {
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--config-branch", "a", "--config-tag", "b")
                .err()).contains("--config-branch=BRANCH, --config-tag=TAG are mutually exclusive");
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--checkout-branch", "a", "--checkout-tag",
                "b").err()).contains("--checkout-branch=BRANCH, --checkout-tag=TAG are mutually exclusive");
    }

    @Test
    void aDefinitionIdMustBeAUuid() {
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--definition-id", "42").err())
                .contains("'42' is not a UUID");
    }

    @Test
    void theProjectIsRequired() {
        assertThat(refused(TOKEN, "run", "--branch", "main").err()).contains("Missing required option: '--project=SLUG'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"circleci.com", "ftp://circleci.com", "https://", "http//x"})
    void aBadServerUrlIsRefused(String url) {
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--server", url).err())
                .contains("is not a CircleCI base URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "not-a-uuid", "5034460f-c7c4-4c43-9457", "1-1-1-1-1"})
    void aPipelineIdMustBeAUuid(String id) {
        assertThat(refused(TOKEN, "wait", "--pipeline-id", id).err()).contains("is not a pipeline id")
                .contains("run --json")
                .contains("not the pipeline number");
    }

    @Test
    void waitNeedsAPipelineId() {
        assertThat(refused(TOKEN, "wait").err()).contains("Missing required option: '--pipeline-id=UUID'");
    }

    @Test
    void aMissingTokenSaysHowToProvideAndCreateOne() {
        CliRun run = refused(Map.of("CIRCLECI_TOKEN", "  "), "run", "--project", "gh/acme/api");
        assertThat(run.err()).contains("No CircleCI API token").contains("CIRCLECI_TOKEN").contains("--token-file")
                .contains("Personal API Tokens");
    }

    @Test
    void anUnreadableTokenFileIsRefused(@TempDir Path dir) {
        Path missing = dir.resolve("missing-token");
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--token-file", missing.toString()).err())
                .contains("Cannot read the token file " + missing);
    }

    @Test
    void anEmptyTokenFileIsRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("token"), " \n");
        assertThat(refused(TOKEN, "wait", "--pipeline-id", "5034460f-c7c4-4c43-9457-de07e2029e7b", "--token-file",
                empty.toString()).err()).contains("The token file " + empty + " is empty");
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThat(refused(TOKEN, "run", "--project", "gh/acme/api", "--brnach", "main").err())
                .contains("Unknown options: '--brnach'").contains("--branch");
    }

    @Test
    void noCommandShowsTheCommands() {
        CliRun run = refused(TOKEN);
        assertThat(run.err()).contains("run").contains("wait").contains("Exit codes:");
    }

    @Test
    void helpIsNotAnError() {
        CliRun run = CliRun.of(TOKEN, "run", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--project=SLUG").contains("--string-param").contains("--no-cancel-on-abort");
    }
}
