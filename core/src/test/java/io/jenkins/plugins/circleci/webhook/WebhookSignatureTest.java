package io.jenkins.plugins.circleci.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
    private static final String HELLO_SIGNATURE = "734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
        "hello world, secret, 734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a",
        "foo, secret, 773ba44693c7553d6ee20f61ea5d2757a9a4f4a44d2841ae4e95b52e4cd62db4",
        "lalala, another-secret, daa220016c8f29a8b214fbfc3671aeec2145cfb1e6790184ffb38b6d0425fa00",
        "an-important-request-payload, hunter123, 9be2242094a9a8c00c64306f382a7f9d691de910b4a266f67bd314ef18ac49fa"})
    void matchesCircleCisVectors(String body, String secret, String signature) {
        assertThat(WebhookSignature.sign(secret, bytes(body))).isEqualTo(signature);
        assertThat(WebhookSignature.matches(secret, bytes(body), "v1=" + signature)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v2=abc,v1=" + HELLO_SIGNATURE,
        "v1=" + HELLO_SIGNATURE + ",v2=abc",
        " v1 = " + HELLO_SIGNATURE + " ",
        "v1=0000,v1=" + HELLO_SIGNATURE})
    void findsTheV1EntryAmongOthers(String header) {
        assertThat(WebhookSignature.matches("secret", bytes("hello world"), header)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v0=" + HELLO_SIGNATURE,
        "v2=" + HELLO_SIGNATURE,
        HELLO_SIGNATURE,
        "v1=",
        "v1=734CC62F32841568F45715AEB9F4D7891324E6D948E4C6C60C0621CDAC48623A",
        "v1=773ba44693c7553d6ee20f61ea5d2757a9a4f4a44d2841ae4e95b52e4cd62db4",
        ",,,",
        "=",
        "v1"})
    void refusesOtherVersionsWrongSignaturesAndMalformedHeaders(String header) {
        assertThat(WebhookSignature.matches("secret", bytes("hello world"), header)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refusesAMissingHeader(String header) {
        assertThat(WebhookSignature.matches("secret", bytes("hello world"), header)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAMissingSecret(String secret) {
        assertThat(WebhookSignature.matches(secret, bytes("hello world"), "v1=" + HELLO_SIGNATURE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello world!", "hello worl", "Hello world"})
    void refusesATamperedBody(String body) {
        assertThat(WebhookSignature.matches("secret", bytes(body), "v1=" + HELLO_SIGNATURE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1=abc", " v1 = abc ", "v2=x,v1=abc", "v1=,v1=abc"})
    void aHeaderWithANonEmptyV1EntryLooksSigned(String header) {
        assertThat(WebhookSignature.hasV1Entry(header)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "v1=", "v1= ", "v1", "v2=abc", "abc", "=,=", ",,,"})
    void aHeaderWithoutANonEmptyV1EntryDoesNotLookSigned(String header) {
        assertThat(WebhookSignature.hasV1Entry(header)).isFalse();
    }
}
