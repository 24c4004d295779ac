package io.jenkins.plugins.circleci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.api.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    void caCertificatesAreDescribedOneLineEach() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(GlobalSettingsValidation.caCertificates("  ", now).getMessage())
                .isEqualTo("Empty: only the CAs the JVM trusts.");

        FormValidation two = GlobalSettingsValidation.caCertificates(
                ServerTrustTest.resource("test-ca.pem") + ServerTrustTest.resource("other-test-ca.pem"), now);
        assertThat(two.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(two.getMessage()).startsWith("Trusted for this server besides the JVM&#039;s CAs: 2 certificates.")
                .contains("<br>1. CN=Test-only Acme Root CA (self-signed), valid until 2126-", ", CA.<br>2. ");

        FormValidation leaf = GlobalSettingsValidation.caCertificates(ServerTrustTest.resource("test-server.pem"),
                now);
        assertThat(leaf.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(leaf.getMessage()).contains("CN=localhost, issued by CN=Test-only Acme Root CA",
                "not a CA certificate");

        FormValidation expired = GlobalSettingsValidation.caCertificates(ServerTrustTest.resource("test-ca.pem"),
                Instant.parse("2127-01-01T00:00:00Z"));
        assertThat(expired.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(expired.getMessage()).contains("It expired on 2126-");
    }

    @Test
    void caCertificatesThatAreNotCertificatesSayWhatToPaste() {
        FormValidation prose = GlobalSettingsValidation.caCertificates("our CA", Instant.now());
        assertThat(prose.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(prose.getMessage()).contains("No -----BEGIN CERTIFICATE----- block was found",
                "Paste the PEM certificate of the CA that signed the CircleCI server&#039;s certificate");

        String key = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n"
                + "-----END PRIVATE KEY-----\n";
        FormValidation privateKey = GlobalSettingsValidation.caCertificates(key, Instant.now());
        assertThat(privateKey.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(privateKey.getMessage()).contains("is a private key").doesNotContain("MIGHAgEA");
    }

    @Test
    void everyGlobalFormFieldHasAHelpFileAndASetter() throws Exception {
        String form = text("CircleCiGlobalConfiguration/config.jelly");
        List<String> fields = java.util.regex.Pattern.compile("field=\"(\\w+)\"").matcher(form).results()
                .map(m -> m.group(1)).toList();
        assertThat(fields).contains("serverUrl", "caCertificates", "credentialsId");
        for (String field : fields) {
            assertThat(text("CircleCiGlobalConfiguration/help-" + field + ".html")).as("help for " + field)
                    .isNotBlank();
            String setter = "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
            assertThat(java.util.Arrays.stream(CircleCiGlobalConfiguration.class.getMethods())
                    .filter(m -> m.getName().equals(setter)
                            && m.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class)))
                    .as(setter).hasSize(1);
        }
        assertThat(form).contains("with=\"serverUrl,credentialsId,caCertificates\"");
    }

    private static String text(String name) throws java.io.IOException {
        try (java.io.InputStream in = CircleCiGlobalConfiguration.class.getResourceAsStream(
                "/io/jenkins/plugins/circleci/config/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void settingsRefuseAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new ServerSettings("https://circleci.com", null, Duration.ofSeconds(10),
                Duration.ofSeconds(2), RateLimit.defaults())).hasMessageContaining("shorter than the minimum");
    }
}
