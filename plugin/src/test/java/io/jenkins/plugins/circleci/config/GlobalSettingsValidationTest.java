package io.jenkins.plugins.circleci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.api.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The global configuration's field checks. */
class GlobalSettingsValidationTest {

    @Test
    void serverUrl() {
        assertThat(GlobalSettingsValidation.serverUrl("https://circleci.com").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GlobalSettingsValidation.serverUrl("").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation clear = GlobalSettingsValidation.serverUrl("http://circleci.internal");
        assertThat(clear.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(clear.getMessage()).contains("unencrypted to circleci.internal");
        for (String local : new String[] {"http://localhost:8080", "http://127.0.0.1:9000", "http://[::1]:9000"}) {
            assertThat(GlobalSettingsValidation.serverUrl(local).kind).as(local + " never leaves this machine")
                    .isEqualTo(FormValidation.Kind.OK);
        }
        FormValidation noScheme = GlobalSettingsValidation.serverUrl("circleci.example.com");
        assertThat(noScheme.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(noScheme.getMessage()).contains("not an http(s) URL");
        assertThat(GlobalSettingsValidation.serverUrl("https://exa mple.com").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void pollIntervals() {
        assertThat(GlobalSettingsValidation.minPollInterval("2").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GlobalSettingsValidation.minPollInterval("0").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(GlobalSettingsValidation.minPollInterval("two").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(GlobalSettingsValidation.maxPollInterval("10", "2").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation shorter = GlobalSettingsValidation.maxPollInterval("1", "5");
        assertThat(shorter.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(shorter.getMessage()).contains("shorter than the minimum (5 s)");
    }

    @Test
    void requestBudget() {
        assertThat(GlobalSettingsValidation.requestsPerSecond("0.5").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GlobalSettingsValidation.requestsPerSecond("0").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(GlobalSettingsValidation.requestsPerSecond("fast").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(GlobalSettingsValidation.burst("20").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GlobalSettingsValidation.burst("-1").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void settingsRefuseAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new ServerSettings("https://circleci.com", null, Duration.ofSeconds(10),
                Duration.ofSeconds(2), RateLimit.defaults())).hasMessageContaining("shorter than the minimum");
    }
}
