package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultMappingTest {
    @Test
    void overridesWrittenAsStatusEqualsResultReplaceTheDefaults() {
        ResultMapping mapping = ResultMapping.defaults()
                .withOverrideTexts(List.of("failed=UNSTABLE", " Canceled = failure ", "timedout=not-built"));

        assertThat(mapping.map("failed")).isEqualTo(BuildResult.UNSTABLE);
        assertThat(mapping.map("canceled")).isEqualTo(BuildResult.FAILURE);
        assertThat(mapping.map("timedout")).isEqualTo(BuildResult.NOT_BUILT);
        assertThat(mapping.map("error")).isEqualTo(BuildResult.FAILURE);
        assertThat(mapping.map("success")).isEqualTo(BuildResult.SUCCESS);
    }

    @Test
    void aStatusThisClientDoesNotKnowMayBeMapped() {
        assertThat(ResultMapping.parseOverride("succeeded-mostly=unstable"))
                .isEqualTo(Map.entry("succeeded-mostly", BuildResult.UNSTABLE));
    }

    @Test
    void statusesCircleCiIsNotKnownToReportAreListedSoThatTyposShow() {
        ResultMapping mapping = ResultMapping.defaults().withOverrideTexts(
                List.of("faild=UNSTABLE", "succeeded-mostly=SUCCESS", "timedout=UNSTABLE", "retried=SUCCESS"));

        assertThat(mapping.unknownStatuses()).containsExactly("faild", "succeeded-mostly");
        assertThat(ResultMapping.defaults().unknownStatuses()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"running", "failing", "on_hold", "queued", "not_running", "blocked", "ON_HOLD"})
    void anInProgressStatusCannotBeMapped(String status) {
        assertThatThrownBy(() -> ResultMapping.defaults().withOverrideTexts(List.of(status + "=SUCCESS")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a final CircleCI status").hasMessageContaining("failed");
    }

    @Test
    void onHoldPointsToTheOnHoldPolicy() {
        assertThatThrownBy(() -> ResultMapping.defaults().with("on_hold", BuildResult.SUCCESS))
                .hasMessageContaining("on-hold policy");
    }

    @Test
    void malformedOverridesSayWhatIsWrong() {
        assertThatThrownBy(() -> ResultMapping.parseOverride("failed")).hasMessageContaining("STATUS=RESULT");
        assertThatThrownBy(() -> ResultMapping.parseOverride("=UNSTABLE")).hasMessageContaining("needs a CircleCI status");
        assertThatThrownBy(() -> ResultMapping.parseOverride("failed=YELLOW"))
                .hasMessageContaining("'YELLOW' is not a result");
    }
}
