package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSourceTest {

    @Test
    void circleciTokenComesFirst() {
        assertThat(TokenSource.resolve(Map.of("CIRCLECI_TOKEN", " abc\n", "CIRCLE_TOKEN", "def"), null))
                .isEqualTo("abc");
    }

    @Test
    void circleTokenIsTheFallback() {
        assertThat(TokenSource.resolve(Map.of("CIRCLECI_TOKEN", "", "CIRCLE_TOKEN", "def"), null)).isEqualTo("def");
    }

    @Test
    void aTokenFileWinsAndIsTrimmed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "  file-token \r\n");
        assertThat(TokenSource.resolve(Map.of("CIRCLECI_TOKEN", "env-token"), file)).isEqualTo("file-token");
    }

    @Test
    void errorsNeverShowTheToken(@TempDir Path dir) {
        assertThatThrownBy(() -> TokenSource.resolve(Map.of("CIRCLECI_TOKEN", "env-token"), dir))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Cannot read the token file")
                .hasMessageNotContaining("env-token");
    }

    @Test
    void noTokenAnywhere() {
        assertThatThrownBy(() -> TokenSource.resolve(Map.of(), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("No CircleCI API token was given.")
                .satisfies(e -> assertThat(((InvalidRequestException) e).hint())
                        .contains("CIRCLECI_TOKEN", "CIRCLE_TOKEN", "--token-file", "personal API token"));
    }
}
