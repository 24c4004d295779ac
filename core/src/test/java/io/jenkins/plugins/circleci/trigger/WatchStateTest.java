package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchStateTest {
    private final WatchOptions options = WatchOptions.builder().timeout(Duration.ofHours(2)).build();

    @Test
    void aTriggeredPipelineKnowsItsIdsAndAnAbsoluteDeadline() {
        WatchState s = WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "pending", "u"), T0, options);
        assertThat(s.pipelineId()).isEqualTo(PIPELINE_ID);
        assertThat(s.pipelineNumber()).isEqualTo(42);
        assertThat(s.projectSlug()).isEqualTo(SLUG);
        assertThat(s.deadline()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(s.workflowStatuses()).isEmpty();
    }

    @Test
    void onlyASetUpStateFromTheTriggerIsKept() {
        for (String settingUp : new String[] {"setup-pending", "setup", "pending"}) {
            assertThat(WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, settingUp, "u"), T0, options)
                    .pipelineState()).isEqualTo(settingUp);
        }
        // A final or unknown state is read again by the first poll, which also learns the branch and the errors.
        for (String other : new String[] {"created", "errored", "something-new", null}) {
            assertThat(WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, other, "u"), T0, options)
                    .pipelineState()).isNull();
        }
    }

    @Test
    void aPipelineKnownByIdLearnsTheRestLater() {
        WatchState s = WatchState.forPipelineId(" " + PIPELINE_ID + " ", T0, options);
        assertThat(s.pipelineId()).isEqualTo(PIPELINE_ID);
        assertThat(s.pipelineNumber()).isZero();
        assertThat(s.projectSlug()).isNull();
        assertThat(s.withPipeline(42, SLUG, "created").knowsPipeline()).isTrue();
    }

    @Test
    void aBlankIdIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> WatchState.forPipelineId(" ", T0, options))
                .hasMessageContaining("needs the CircleCI pipeline id");
    }

    @Test
    void itSurvivesJavaSerializationWithEverythingAResumeNeeds() {
        WatchState s = WatchState.forPipelineId(PIPELINE_ID, T0, options).withPipeline(42, SLUG, "created")
                .withProgress(Map.of("w1", new WatchState.SeenWorkflow("build", "running", false, T0)),
                        Map.of(CompletionRule.RERUN + "w1", T0.plusSeconds(5)), Set.of("hold:w1"));
        WatchState copy = Serialization.load(Serialization.save(s));
        assertThat(copy).isEqualTo(s);
        assertThat(copy.workflowStatuses()).containsExactly(Map.entry("w1", "running"));
        assertThat(copy.graceStarts()).containsEntry(CompletionRule.RERUN + "w1", T0.plusSeconds(5));
        assertThat(copy.announced()).containsExactly("hold:w1");
        assertThat(copy.deadline()).isEqualTo(s.deadline());
    }

    @Test
    void progressKeepsWorkflowsSeenEarlier() {
        WatchState s = WatchState.forPipelineId(PIPELINE_ID, T0, options)
                .withProgress(Map.of("w1", new WatchState.SeenWorkflow("build", "failed", false, T0)), Map.of(),
                        Set.of())
                .withProgress(Map.of("w2", new WatchState.SeenWorkflow("build", "running", false, T0)), Map.of(),
                        Set.of());
        assertThat(s.workflowStatuses()).containsOnlyKeys("w1", "w2");
    }
}
