package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.config.ServerSettings;
import io.jenkins.plugins.circleci.trigger.TimeoutPolicy;
import io.jenkins.plugins.circleci.trigger.WaitFor;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** logTail, junit, waitFor and onTimeout: how they bind, their defaults, and how bad values are refused. */
class WaitAndReportFieldsTest {
    private static final ServerSettings DEFAULTS = new ServerSettings("https://circleci.example.com", "t",
            Duration.ofSeconds(3), Duration.ofSeconds(30), RateLimit.defaults());

    @Test
    void defaultsWaitToTheEndFailOnTimeoutShowNoLogAndRecordNoTests() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");
        assertThat(step.getLogTail()).isZero();
        assertThat(step.isJunit()).isFalse();
        assertThat(step.getWaitFor()).isNull();
        assertThat(step.getOnTimeout()).isNull();
        StepOptions options = step.toOptions();
        WatchOptions watch = options.toWatchOptions(DEFAULTS);
        assertThat(watch.waitFor()).isEqualTo(WaitFor.COMPLETED);
        assertThat(watch.onTimeout()).isEqualTo(TimeoutPolicy.FAIL);
        assertThat(options.failureLimits().logTail()).isZero();
        assertThat(options.junit()).isFalse();
        assertThat(options.conflict()).isNull();
    }

    @Test
    void everyOptionReachesTheWaitAndTheReport() {
        CircleCiWaitStep step = new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b");
        step.setLogTail(50);
        step.setJunit(true);
        step.setWaitFor(" Workflows ");
        step.setOnTimeout("UNSTABLE");
        StepOptions options = step.toOptions();
        WatchOptions watch = options.toWatchOptions(DEFAULTS);
        assertThat(watch.waitFor()).isEqualTo(WaitFor.WORKFLOWS);
        assertThat(watch.onTimeout()).isEqualTo(TimeoutPolicy.UNSTABLE);
        assertThat(options.failureLimits().logTail()).isEqualTo(50);
        assertThat(options.junit()).isTrue();
    }

    @Test
    void blankTextMeansTheDefault() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");
        step.setWaitFor(" ");
        step.setOnTimeout("");
        assertThat(step.getWaitFor()).isNull();
        assertThat(step.getOnTimeout()).isNull();
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        CircleCiTriggerStep step = new CircleCiTriggerStep("gh/acme/api");
        step.setWaitFor("started");
        assertThatThrownBy(() -> step.toOptions().toWatchOptions(DEFAULTS))
                .hasMessageContaining("created, workflows, completed");
        step.setWaitFor(null);
        step.setOnTimeout("retry");
        assertThatThrownBy(() -> step.toOptions().toWatchOptions(DEFAULTS))
                .hasMessageContaining("fail, unstable, abort");
        step.setOnTimeout(null);
        step.setLogTail(-1);
        assertThatThrownBy(() -> step.toOptions().failureLimits()).hasMessageStartingWith("logTail: ")
                .hasMessageContaining("1000");
        step.setLogTail(0);
        step.setWait(false);
        step.setWaitFor("created");
        assertThat(step.toOptions().conflict()).contains("wait: false", "waitFor: 'created'");
    }

    @Test
    void theFormChecksTheLogTail() {
        assertThat(StepFieldValidation.logTail("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(StepFieldValidation.logTail("0").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(StepFieldValidation.logTail("50").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(StepFieldValidation.logTail("1001").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(StepFieldValidation.logTail("lots").kind).isEqualTo(FormValidation.Kind.ERROR);
    }
}
