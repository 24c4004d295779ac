package io.jenkins.plugins.circleci.bench.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks CircleCI's {@code circleci-signature} header: the {@code v1} entry must be the lowercase hex HMAC-SHA256 of
 * the raw body keyed with the signing secret. Only v1 is looked at (the latest version, against downgrade attacks).
 */
public final class SignatureCheck {

    private final SecretKeySpec key;

    public SignatureCheck(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public boolean verify(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String expected = expected(body);
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("v1=")) {
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        p.substring(3).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return false;
    }

    private String expected(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SignatureCheck[v1, secret hidden]";
    }
}
