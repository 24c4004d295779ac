package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.ResultMapping;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepResultMappingTest {
    @Test
    void finalWorkflowAndJobStatusesMapOntoResultsInAnyCase() {
        Map<String, String> checked = StepResultMapping.checked(Map.of(" Failed ", "unstable"));

        ResultMapping mapping = ResultMapping.defaults().withOverrides(checked);
        assertThat(mapping.map("failed")).isEqualTo(BuildResult.UNSTABLE);
        assertThat(mapping.map("success")).as("the rest keeps its default").isEqualTo(BuildResult.SUCCESS);
        assertThat(StepResultMapping.checked(Map.of("infrastructure_fail", "NOT_BUILT", "canceled", "FAILURE")))
                .containsEntry("infrastructure_fail", "NOT_BUILT").containsEntry("canceled", "FAILURE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"running", "on_hold", "failing", "queued"})
    void aStatusThatIsNotFinalIsRefusedSayingItCouldNeverApply(String status) {
        assertThatThrownBy(() -> StepResultMapping.checked(Map.of(status, "SUCCESS")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + status + "'").hasMessageContaining("could never apply")
                .hasMessageContaining("failed");
    }

    @Test
    void anUnknownStatusIsRefusedWithTheStatusesThatCanBeMapped() {
        assertThatThrownBy(() -> StepResultMapping.checked(Map.of("flaky", "UNSTABLE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'flaky' is not a status a CircleCI workflow or job has")
                .hasMessageContaining("success, failed");
    }

    @Test
    void anUnknownResultOrNoneIsRefusedNamingTheResults() {
        assertThatThrownBy(() -> StepResultMapping.checked(Map.of("failed", "YELLOW")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resultMapping: failed: 'YELLOW' is not a result")
                .hasMessageContaining("UNSTABLE");
        Map<String, String> noResult = new HashMap<>();
        noResult.put("failed", null);
        assertThatThrownBy(() -> StepResultMapping.checked(noResult)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resultMapping: failed:");
    }
}
