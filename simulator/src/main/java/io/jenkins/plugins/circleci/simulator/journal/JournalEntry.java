package io.jenkins.plugins.circleci.simulator.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator answered.
 *
 * @param method  HTTP method
 * @param path    raw request path as sent (e.g. {@code /api/v2/project/gh%2Facme%2Fapi/pipeline})
 * @param query   raw query string, or null; a {@code circle-token} query parameter is redacted
 * @param headers request headers (lower-case names); token-bearing headers hold {@link Redaction redacted} values
 * @param body    request body bytes (empty when none)
 * @param status  response status
 * @param time    simulator-clock instant of the request
 * @param note    why the request was refused or not served as sent (e.g. {@code no route for DELETE /me},
 *                {@code body ignored: Content-Type 'text/plain' is not JSON}, {@code fault status}); null when it was
 *                served as sent
 */
public record JournalEntry(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                           int status, Instant time, String note) {

    /** An entry without a note: a request served as sent. */
    public JournalEntry(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                        int status, Instant time) {
        this(method, path, query, headers, body, status, time, null);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status + " @" + time
                + (note == null ? "" : " (" + note + ")");
    }
}
