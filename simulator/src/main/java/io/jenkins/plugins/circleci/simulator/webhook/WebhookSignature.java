package io.jenkins.plugins.circleci.simulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** CircleCI's {@code circleci-signature} header: {@code v1=<lowercase hex HMAC-SHA256 of the raw body, keyed with the secret>}. */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String v1(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    public static String header(String secret, byte[] body) {
        return "v1=" + v1(secret, body);
    }
}
