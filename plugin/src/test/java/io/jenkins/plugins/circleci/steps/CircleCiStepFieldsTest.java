package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.config.ServerSettings;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.OnHoldPolicy;
import io.jenkins.plugins.circleci.trigger.ResultMapping;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the steps bind from a script or a form, and the defaults they fall back to. */
class CircleCiStepFieldsTest {
    private static final ServerSettings DEFAULTS = new ServerSettings("https://circleci.example.com", "default-token",
            Duration.ofSeconds(3), Duration.ofSeconds(30), RateLimit.defaults());

    @Test
    void triggerDefaults() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");

        assertThat(step.getProject()).isEqualTo("gh/acme/api");
        assertThat(step.isWait()).isTrue();
        assertThat(step.isPropagate()).isTrue();
        assertThat(step.isCancelOnAbort()).isTrue();
        assertThat(step.getBranch()).isNull();
        assertThat(step.getTag()).isNull();
        assertThat(step.getParameters()).isNull();
        assertThat(step.getDefinitionId()).isNull();
        assertThat(step.getCredentialsId()).isNull();
        assertThat(step.getServerUrl()).isNull();
        assertThat(step.getTimeout()).isNull();
        assertThat(step.getWorkflows()).isNull();
        assertThat(step.getOnHold()).isNull();
        assertThat(step.getHoldTimeout()).isNull();
        assertThat(step.getApprove()).isNull();

        StepOptions options = step.toOptions();
        assertThat(options.triggers()).isTrue();
        assertThat(options.serverUrl(DEFAULTS)).isEqualTo("https://circleci.example.com");
        assertThat(options.credentialsId(DEFAULTS)).isEqualTo("default-token");
        WatchOptions watch = options.toWatchOptions(DEFAULTS);
        assertThat(watch.timeout()).isEqualTo(WatchOptions.defaults().timeout());
        assertThat(watch.onHold()).isEqualTo(OnHoldPolicy.WAIT);
        assertThat(watch.cancelOnAbort()).isTrue();
        assertThat(watch.workflows()).isEmpty();
        assertThat(watch.minPollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(watch.maxPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(watch.holdTimeout()).isEmpty();
        assertThat(watch.approve()).isEmpty();
    }

    @Test
    void holdOptionsReachTheWaitOfBothSteps() {
        CircleCiTriggerStep trigger = new CircleCiTriggerStep("gh/acme/api");
        trigger.setHoldTimeout(" 45m ");
        trigger.setApprove(Arrays.asList(" hold-for-staging ", "", null));
        assertThat(trigger.getHoldTimeout()).isEqualTo("45m");
        assertThat(trigger.getApprove()).containsExactly("hold-for-staging");
        WatchOptions watch = trigger.toOptions().toWatchOptions(DEFAULTS);
        assertThat(watch.holdTimeout()).contains(Duration.ofMinutes(45));
        assertThat(watch.approve()).containsExactly("hold-for-staging");

        CircleCiWaitStep wait = new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b");
        wait.setOnHold("unstable");
        wait.setApprove(List.of("a", "b"));
        WatchOptions waited = wait.toOptions().toWatchOptions(DEFAULTS);
        assertThat(waited.onHold()).isEqualTo(OnHoldPolicy.UNSTABLE);
        assertThat(waited.approve()).containsExactly("a", "b");

        trigger.setHoldTimeout("");
        trigger.setApprove(List.of(" "));
        assertThat(trigger.getHoldTimeout()).isNull();
        assertThat(trigger.getApprove()).as("omitted by the Snippet Generator").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-30m", "half an hour", "31d"})
    void aBadHoldTimeoutIsRefusedNamingTheParameter(String holdTimeout) {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");
        step.setHoldTimeout(holdTimeout);
        assertThatThrownBy(() -> step.toOptions().toWatchOptions(DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("holdTimeout: '" + holdTimeout + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fail", "succeed", "unstable"})
    void aHoldTimeoutNeedsOnHoldWait(String onHold) {
        CircleCiWaitStep step = new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b");
        step.setOnHold(onHold);
        step.setHoldTimeout("30m");
        assertThatThrownBy(() -> step.toOptions().toWatchOptions(DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdTimeout: '30m' bounds how long the step keeps waiting for an approval, so it needs "
                        + "onHold: 'wait' (the default), not '" + onHold + "': drop one of them.");
    }

    @Test
    void blankFormFieldsMeanUnset() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("  gh/acme/api ");
        step.setBranch(" ");
        step.setTag("");
        step.setDefinitionId("  ");
        step.setCredentialsId("");
        step.setServerUrl(" ");
        step.setTimeout("");
        step.setOnHold("");
        step.setWorkflows(Arrays.asList(" ", null, ""));
        step.setParameters(Map.of());

        assertThat(step.getProject()).isEqualTo("gh/acme/api");
        assertThat(step.getBranch()).isNull();
        assertThat(step.getTag()).isNull();
        assertThat(step.getDefinitionId()).isNull();
        assertThat(step.getCredentialsId()).isNull();
        assertThat(step.getServerUrl()).isNull();
        assertThat(step.getTimeout()).isNull();
        assertThat(step.getOnHold()).isNull();
        assertThat(step.getWorkflows()).isNull();
        assertThat(step.getParameters()).isNull();
    }

    @Test
    void everyTriggerOptionReachesTheRequestAndTheWait() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");
        step.setTag(" v1.2.3 ");
        step.setCredentialsId("mine");
        step.setServerUrl("https://circleci.internal");
        step.setWait(false);
        step.setPropagate(false);
        step.setTimeout("1h30m");
        step.setWorkflows(List.of(" build ", "deploy"));
        step.setOnHold("fail");
        step.setCancelOnAbort(false);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("deploy", true);
        parameters.put("replicas", 3);
        parameters.put("env", new StringBuilder("staging"));
        step.setParameters(parameters);

        StepOptions options = step.toOptions();
        TriggerRequest request = options.toTriggerRequest();
        assertThat(request.project().value()).isEqualTo("gh/acme/api");
        assertThat(request.tag()).contains("v1.2.3");
        assertThat(request.branch()).isEmpty();
        assertThat(request.parameters()).containsEntry("deploy", true).containsEntry("replicas", 3L)
                .containsEntry("env", "staging");
        assertThat(step.getParameters().get("env")).as("interpolated text is kept as text").isEqualTo("staging");
        assertThat(options.waitForCompletion()).isFalse();
        assertThat(options.propagate()).isFalse();
        assertThat(options.cancelOnAbort()).isFalse();
        assertThat(options.serverUrl(DEFAULTS)).isEqualTo("https://circleci.internal");
        assertThat(options.credentialsId(DEFAULTS)).isEqualTo("mine");
        WatchOptions watch = options.toWatchOptions(DEFAULTS);
        assertThat(watch.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(watch.workflows()).containsExactly("build", "deploy");
        assertThat(watch.onHold()).isEqualTo(OnHoldPolicy.FAIL);
        assertThat(watch.cancelOnAbort()).isFalse();
    }

    @Test
    void aResultMappingReachesTheWaitAndAnEmptyOneMeansUnset() {
        CircleCiWaitStep step = new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b");
        step.setResultMapping(Map.of("failed", new StringBuilder("unstable")));

        assertThat(step.getResultMapping().get("failed")).as("interpolated text is kept as text").isEqualTo("unstable");
        WatchOptions watch = step.toOptions().toWatchOptions(DEFAULTS);
        assertThat(watch.resultMapping().map("failed")).isEqualTo(BuildResult.UNSTABLE);
        assertThat(watch.resultMapping().map("canceled")).isEqualTo(BuildResult.ABORTED);

        step.setResultMapping(Map.of());
        assertThat(step.getResultMapping()).isNull();
        assertThat(step.toOptions().toWatchOptions(DEFAULTS).resultMapping()).isEqualTo(ResultMapping.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"running", "on_hold", "failing", "queued"})
    void aStatusThatIsNotFinalCannotBeMapped(String status) {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");
        step.setResultMapping(Map.of(status, "SUCCESS"));

        assertThatThrownBy(() -> step.toOptions().toWatchOptions(DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("resultMapping: '" + status + "' is not a final CircleCI status")
                .hasMessageContaining("failed");
    }

    @Test
    void aResultMappingNeedsJenkinsResultNames() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");
        step.setResultMapping(Map.of("failed", "YELLOW"));
        assertThatThrownBy(() -> step.toOptions().toWatchOptions(DEFAULTS))
                .hasMessage("resultMapping: 'YELLOW' is not a result; use one of SUCCESS, UNSTABLE, FAILURE, "
                        + "NOT_BUILT or ABORTED.");

        Map<String, Object> noResult = new HashMap<>();
        noResult.put("failed", null);
        step.setResultMapping(noResult);
        assertThatThrownBy(() -> step.toOptions().toWatchOptions(DEFAULTS)).hasMessageStartingWith("resultMapping: ");
    }

    @Test
    void aStatusThisClientDoesNotKnowMayBeMappedLikeInTheCli() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");
        step.setResultMapping(Map.of("flaky", "UNSTABLE"));

        assertThat(step.toOptions().toWatchOptions(DEFAULTS).resultMapping().map("flaky"))
                .isEqualTo(BuildResult.UNSTABLE);
    }

    @Test
    void aDefinitionIdSelectsPipelineRun() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("circleci/8e4z1Akd/7K8nq2Rm");
        step.setDefinitionId("9b0b4a5e-04b5-4d2f-9d3c-1a2b3c4d5e6f");
        step.setBranch("main");

        assertThat(step.toOptions().toTriggerRequest().usesPipelineRun()).isTrue();
    }

    @Test
    void waitStepBindsItsPipelineAndSharedOptions() {
        CircleCiWaitStep step = new CircleCiWaitStep(" 5034460f-c7c4-4c43-9457-de07e2029e7b ");
        step.setPropagate(false);
        step.setOnHold("succeed");

        assertThat(step.getPipelineId()).isEqualTo("5034460f-c7c4-4c43-9457-de07e2029e7b");
        StepOptions options = step.toOptions();
        assertThat(options.triggers()).isFalse();
        assertThat(options.pipelineId()).isEqualTo("5034460f-c7c4-4c43-9457-de07e2029e7b");
        assertThat(options.waitForCompletion()).isTrue();
        assertThat(options.propagate()).isFalse();
        assertThat(options.toWatchOptions(DEFAULTS).onHold()).isEqualTo(OnHoldPolicy.SUCCEED);
    }
}
