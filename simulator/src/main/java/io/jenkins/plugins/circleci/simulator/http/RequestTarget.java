package io.jenkins.plugins.circleci.simulator.http;

import java.nio.charset.StandardCharsets;

/**
 * Normalises a raw path or query as clients send it. Lenient servers (CircleCI's among them) route
 * {@code ?branch=feat|x} or {@code ?q={x}} although RFC 3986 wants those characters percent-encoded, and Jetty hands
 * them over as sent; the routes decode with the JDK's strict decoder, and the journal shows one form for one request.
 * So such characters are percent-encoded here, as are {@code %} signs that start no escape and characters outside
 * ASCII (as their UTF-8 bytes). Valid escapes are kept as sent.
 */
final class RequestTarget {

    /** RFC 3986 unreserved and sub-delims, plus the path and query delimiters: kept as they are. */
    private static final String KEPT = "-._~!$&'()*+,;=:@/?";

    private RequestTarget() {
    }

    static String encodeStrays(String target) {
        StringBuilder out = new StringBuilder(target.length() + 16);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean escape = c == '%' && i + 2 < target.length()
                    && isHex(target.charAt(i + 1)) && isHex(target.charAt(i + 2));
            if (escape || isAlphaNumeric(c) || KEPT.indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < target.length() ? i + 2 : i + 1;
            for (byte b : target.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out.toString();
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
