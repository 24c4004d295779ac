package io.jenkins.plugins.circleci.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;

/**
 * Finds the token a request carries, in the three ways CircleCI accepts: {@code Circle-Token: <t>},
 * {@code Authorization: Bearer <t>} and {@code Authorization: Basic base64(<t>:)}.
 */
final class Auth {

    private Auth() {
    }

    /** The token, or null when the request carries none. */
    static String token(HttpFields headers) {
        String circleToken = headers.get("Circle-Token");
        if (circleToken != null && !circleToken.isBlank()) {
            return circleToken.trim();
        }
        String authorization = headers.get("Authorization");
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer ")) {
            return emptyToNull(value.substring(7).trim());
        }
        if (lower.startsWith("basic ")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return emptyToNull(colon >= 0 ? decoded.substring(0, colon) : decoded);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
