package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token typed on the command line by mistake never comes back on stdout or stderr: refused as {@code --token},
 * masked where picocli repeats arguments it could not place and where {@code --token-file} names a "path".
 */
class TokenNeverEchoedTest {
    private static final String SHAPED = "CCIPAT_Lx4bT7kQ9_f00dfeedcafe0123456789abcdef";
    /** A token of no known shape: only the environment or the option's name can tell that it is one. */
    private static final String SHAPELESS = "d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3";
    private static final String PIPELINE = "5034460f-c7c4-4c43-9457-de07e2029e7b";

    private static CliRun refused(Map<String, String> env, String secret, String... args) {
        CliRun run = CliRun.of(env, args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out() + run.err()).as("the token is never printed").doesNotContain(secret);
        assertThat(run.out()).isEmpty();
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {SHAPED, SHAPELESS})
    void aTokenOptionIsRefusedWithoutRepeatingIt(String token) {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("CIRCLECI_TOKEN", token))) {
            CliRun run = refused(env, token, "run", "--project", "gh/acme/api", "--token", token);
            assertThat(run.err()).contains("tokens are not taken on the command line (shell history, process lists): "
                    + "use CIRCLECI_TOKEN or --token-file").contains("See 'circleci-trigger run --help'");
            refused(env, token, "run", "--project", "gh/acme/api", "--token=" + token);
        }
    }

    @Test
    void everyCommandRefusesATokenOption() {
        for (String[] args : new String[][] {
            {"--token", SHAPELESS},
            {"wait", "--pipeline-id", PIPELINE, "--token", SHAPELESS},
            {"artifact", "--url", "https://circleci.com/api/v2/x", "--token", SHAPELESS},
            {"demo", "--token", SHAPELESS},
        }) {
            assertThat(refused(Map.of(), SHAPELESS, args).err()).contains("tokens are not taken on the command line");
        }
    }

    @Test
    void theTokenOptionIsNotInTheHelp() {
        CliRun help = CliRun.of(Map.of(), "run", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--token-file=FILE").doesNotContain("--token=TOKEN", "--token TOKEN");
    }

    @Test
    void anUnknownOptionsTokenIsMasked() {
        // A token-like option name: its value is hidden whatever its shape.
        CliRun misspelt = refused(Map.of(), SHAPELESS, "run", "--project", "gh/acme/api", "--api-token", SHAPELESS);
        assertThat(misspelt.err()).contains("Unknown option").contains("--api-token").contains("****");
        // Any argument that is the environment's token, or has CircleCI's token shape, is hidden too.
        CliRun stray = refused(Map.of("CIRCLECI_TOKEN", SHAPELESS), SHAPELESS, "run", "--project", "gh/acme/api",
                "--brnach", SHAPELESS);
        assertThat(stray.err()).contains("'--brnach'").contains("****");
        CliRun shaped = refused(Map.of(), SHAPED, "wait", "--pipeline-id", PIPELINE, SHAPED);
        assertThat(shaped.err()).contains("****");
    }

    @Test
    void aTokenGivenAsTheTokenFileIsNotShownAsItsPath() {
        CliRun run = refused(Map.of("CIRCLECI_TOKEN", SHAPELESS), SHAPELESS, "run", "--project", "gh/acme/api",
                "--token-file", SHAPELESS);
        assertThat(run.err()).contains("Cannot read the token file ****");
        CliRun shaped = refused(Map.of(), SHAPED, "wait", "--pipeline-id", PIPELINE, "--token-file", SHAPED);
        assertThat(shaped.err()).contains("Cannot read the token file ****");
    }
}
