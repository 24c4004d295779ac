package io.jenkins.plugins.circleci.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineIdTest {
    @Test
    void aUuidIsReturnedInCanonicalForm() {
        assertThat(PipelineId.parse(" 5034460F-C7C4-4C43-9457-DE07E2029E7B\n"))
                .isEqualTo("5034460f-c7c4-4c43-9457-de07e2029e7b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "1-1-1-1-1", "5034460f-c7c4-4c43-9457", "5034460fc7c44c439457de07e2029e7b",
        "5034460f-c7c4-4c43-9457-de07e2029e7g", "{5034460f-c7c4-4c43-9457-de07e2029e7b}"})
    void anythingElseIsRefusedWithAHintAboutWhereTheIdComesFrom(String text) {
        assertThatThrownBy(() -> PipelineId.parse(text)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> {
                    assertThat(e.getMessage()).isEqualTo("'" + text + "' is not a pipeline id: a pipeline id is a UUID.");
                    assertThat(e.hint()).contains("circleciTrigger returns as 'id'", "run --json",
                            "not the pipeline number");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void noIdSaysSo(String text) {
        assertThatThrownBy(() -> PipelineId.parse(text)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("No pipeline id was given.");
    }
}
