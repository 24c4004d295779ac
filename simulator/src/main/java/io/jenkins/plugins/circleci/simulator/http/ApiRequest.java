package io.jenkins.plugins.circleci.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An incoming request: method, the raw path split into raw segments (so {@code gh%2Facme%2Fapi} stays one segment,
 * as CircleCI's router sees it), query parameters, token and body.
 */
record ApiRequest(String method, String rawPath, List<String> segments, Map<String, String> query, String token,
                  byte[] body) {

    static ApiRequest of(String method, String rawPath, String rawQuery, String token, byte[] body) {
        String api = rawPath.substring("/api/v2".length());
        List<String> segments = new ArrayList<>();
        for (String s : api.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return new ApiRequest(method, rawPath, List.copyOf(segments), parseQuery(rawQuery), token, body);
    }

    String queryParam(String name) {
        return query.get(name);
    }

    /** Never shows the token or query values (a {@code circle-token} may be among them); the body only by size. */
    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + rawPath + (query.isEmpty() ? "" : " query=" + query.keySet().stream()
                .sorted().toList()) + ", token=" + (token == null ? "none" : "<redacted>") + ", body="
                + (body == null ? 0 : body.length) + " bytes]";
    }

    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value);
        }
        return out;
    }
}
