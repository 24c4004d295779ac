package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutcomeTest {
    private static final PipelineSummary PIPELINE =
            new PipelineSummary("5034460f-c7c4-4c43-9457-de07e2029e7b", 42, "gh/acme/api", "created", null);

    @ParameterizedTest
    @EnumSource(value = OutcomeReason.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"NOT_WAITED", "PIPELINE_CREATED", "WORKFLOWS_CREATED"})
    void onlyAPipelineNotWaitedForMayLackAResult(OutcomeReason reason) {
        // A missing result read as "no failure" would be a silent success.
        assertThatThrownBy(() -> new Outcome(null, reason, PIPELINE, List.of(), List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a result")
                .hasMessageContaining(reason.name());
    }

    @ParameterizedTest
    @EnumSource(value = OutcomeReason.class, names = {"NOT_WAITED", "PIPELINE_CREATED", "WORKFLOWS_CREATED"})
    void aPipelineNotWaitedForToTheEndHasNoResult(OutcomeReason reason) {
        assertThat(reason.endsUnjudged()).isTrue();
        assertThat(new Outcome(null, reason, PIPELINE, null, null, "").result()).isNull();
        assertThatThrownBy(() -> new Outcome(BuildResult.SUCCESS, reason, PIPELINE, List.of(),
                List.of(), "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no result");
    }
}
