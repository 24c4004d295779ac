package io.jenkins.plugins.circleci.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks CircleCI's {@code circleci-signature} header: a comma-separated list of {@code version=signature} pairs,
 * of which only {@code v1} (HMAC-SHA256 of the raw body, keyed with the signing secret, lowercase hex) is trusted.
 * Other versions are ignored, so a forged header cannot downgrade the check to a weaker scheme.
 */
public final class WebhookSignature {
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /**
     * Whether the header carries at least one non-empty {@code v1} entry, without any secret: a cheap test that lets a
     * receiver turn away unsigned requests before it looks the secret up.
     */
    public static boolean hasV1Entry(String circleciSignatureHeader) {
        return !v1Entries(circleciSignatureHeader).isEmpty();
    }

    /** Whether the header carries a {@code v1} signature that matches the body; false for anything missing or odd. */
    public static boolean matches(String signingSecret, byte[] rawBody, String circleciSignatureHeader) {
        List<String> given = v1Entries(circleciSignatureHeader);
        if (signingSecret == null || signingSecret.isEmpty() || rawBody == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = sign(signingSecret, rawBody).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : given) {
            // Constant-time, and every v1 entry is compared, so timing tells nothing about which one matched.
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    /** The non-empty values of the header's {@code v1} entries, in order; empty for a missing or odd header. */
    private static List<String> v1Entries(String circleciSignatureHeader) {
        if (circleciSignatureHeader == null || circleciSignatureHeader.isBlank()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String part : circleciSignatureHeader.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0 || !part.substring(0, equals).strip().equals(VERSION)) {
                continue;
            }
            String value = part.substring(equals + 1).strip();
            if (!value.isEmpty()) {
                entries.add(value);
            }
        }
        return entries;
    }

    /** The {@code v1} signature of a body: lowercase hex HMAC-SHA256. */
    public static String sign(String signingSecret, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JVM provides " + ALGORITHM, e);
        }
    }
}
