package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What looks like a CircleCI token is hidden in build output. */
class SecretMaskTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void theClientsOwnTokenIsMaskedWherever() {
        assertThat(SecretMask.of(TOKEN).mask("curl -H x:" + TOKEN + "/" + TOKEN)).isEqualTo("curl -H x:****/****");
    }

    @Test
    void circleciTokenFormatsAndLabelledValuesAreMasked() {
        SecretMask mask = SecretMask.of(null);
        assertThat(mask.mask("export T=CCIPAT_LwTAGwmmdGhTtMeNUuxEbU_5dd6ca4b9c6efec6eb53f7fe5e1ebc0a5c1d2213"))
                .isEqualTo("export T=****");
        assertThat(mask.mask("project CCIPRJ_abc_def-1")).isEqualTo("project ****");
        assertThat(mask.mask("CIRCLE_TOKEN=s3cr3t rest")).isEqualTo("CIRCLE_TOKEN=**** rest");
        assertThat(mask.mask("circleci_api_token: \"s3cr3t\"")).isEqualTo("circleci_api_token: \"****\"");
        assertThat(mask.mask("-H 'Circle-Token: s3cr3t'")).isEqualTo("-H 'Circle-Token: ****'");
        assertThat(mask.mask("Authorization: Bearer s3cr3t")).isEqualTo("Authorization: Bearer ****");
        assertThat(mask.mask("GET /me?circle-token=s3cr3t&x=1")).isEqualTo("GET /me?circle-token=****&x=1");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        SecretMask mask = SecretMask.of(TOKEN);
        String line = "Tests run: 12, Failures: 2 at com.acme.CartTest.addsItem(CartTest.java:42) sha 1d2316";
        assertThat(mask.mask(line)).isEqualTo(line);
    }

    @Test
    void aShortTokenIsNotMaskedEverywhereButNeverPrinted() {
        assertThat(SecretMask.of("abc").mask("abc abc")).isEqualTo("abc abc");
        assertThat(SecretMask.of(TOKEN).toString()).doesNotContain(TOKEN);
    }
}
