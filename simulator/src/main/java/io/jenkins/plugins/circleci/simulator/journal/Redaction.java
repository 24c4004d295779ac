package io.jenkins.plugins.circleci.simulator.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces secrets by a short fingerprint: {@code redacted:sha256:1a2b3c4d}. Tests can tell two tokens apart (or
 * check that a given token was sent, via {@link #of}) without the journal ever holding one in clear.
 */
public final class Redaction {

    private static final Set<String> SECRET_HEADERS = Set.of("circle-token", "authorization", "cookie");

    private Redaction() {
    }

    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    public static String of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "redacted:sha256:" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Redacts the value of {@code circle-token=} in a raw query string. */
    public static String query(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase("circle-token")) {
                out.append(pair, 0, eq + 1).append(of(pair.substring(eq + 1)));
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }
}
