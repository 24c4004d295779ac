package io.jenkins.plugins.circleci.simulator.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns a request target as clients send it into a URI. Lenient servers (CircleCI's among them) route
 * {@code ?branch=feat|x} or {@code ?q={x}} although RFC 3986 wants those characters percent-encoded; the JDK's strict
 * URI parser refuses them, so they are percent-encoded here first, as are {@code %} signs that start no escape.
 * The absolute form ({@code GET http://host/api/v2/me}) is reduced to its path and query.
 */
final class RequestTarget {

    /** RFC 3986 unreserved and sub-delims, plus the path and query delimiters: kept as they are. */
    private static final String KEPT = "-._~!$&'()*+,;=:@/?";

    private RequestTarget() {
    }

    static URI parse(String target) throws BadRequest {
        String originForm = originForm(target);
        if (!originForm.startsWith("/") && !originForm.equals("*")) {
            throw new BadRequest(400, "Malformed request target '" + shorten(target) + "': expected a path such as "
                    + "/api/v2/me.");
        }
        try {
            return new URI(encodeStrays(originForm));
        } catch (URISyntaxException e) {
            throw new BadRequest(400, "Malformed request target '" + shorten(target) + "'.");
        }
    }

    private static String originForm(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return target;
        }
        int authority = target.indexOf("//") + 2;
        int path = target.indexOf('/', authority);
        int query = target.indexOf('?', authority);
        if (path < 0 || (query >= 0 && query < path)) {
            return "/" + (query < 0 ? "" : target.substring(query));
        }
        return target.substring(path);
    }

    private static String encodeStrays(String target) {
        StringBuilder out = new StringBuilder(target.length() + 16);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean escape = c == '%' && i + 2 < target.length()
                    && isHex(target.charAt(i + 1)) && isHex(target.charAt(i + 2));
            if (escape || isAlphaNumeric(c) || KEPT.indexOf(c) >= 0) {
                out.append(c);
            } else {
                // chars are ISO-8859-1 here (one per byte), so this re-creates the bytes the client sent
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
