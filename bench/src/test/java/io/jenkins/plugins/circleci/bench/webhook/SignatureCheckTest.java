package io.jenkins.plugins.circleci.bench.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

    /** HMAC-SHA256 of the body keyed with "secret", computed independently with {@code openssl dgst -hmac}. */
    private static final String HMAC = "aa9e2e3575f5d7098b6caccd790888c36d5fdb63342a73bada2d6a51747a8494";
    private final SignatureCheck check = new SignatureCheck("secret");
    private final byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheV1SignatureAloneOrInAList() {
        assertThat(check.verify("v1=" + HMAC, body)).isTrue();
        assertThat(check.verify("v1=" + HMAC + ",v2=whatever", body)).isTrue();
    }

    @Test
    void rejectsATamperedBodyOrAnotherSecret() {
        assertThat(check.verify("v1=" + HMAC, "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(new SignatureCheck("other").verify("v1=" + HMAC, body)).isFalse();
    }

    @Test
    void rejectsMissingOrOtherVersions() {
        assertThat(check.verify(null, body)).isFalse();
        assertThat(check.verify("", body)).isFalse();
        assertThat(check.verify("v2=" + HMAC, body)).isFalse();
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(check.toString()).doesNotContain("secret=").doesNotContain("\"secret\"");
        assertThat(new SignatureCheck("s3cr3t-value").toString()).doesNotContain("s3cr3t-value");
    }
}
