package io.jenkins.plugins.circleci.simulator.http;

/**
 * The request body the routes see: the bytes as UTF-8 JSON when the Content-Type says JSON, nothing otherwise (as
 * CircleCI ignores such a body; see {@link JsonContentType}). The journal keeps the body as it was sent.
 *
 * @param bytes           what the routes read
 * @param ignoredBecause  for the journal, when a body was sent but not read; null otherwise
 */
record RoutedBody(byte[] bytes, String ignoredBecause) {

    static RoutedBody of(byte[] body, String contentType) {
        if (body.length == 0) {
            return new RoutedBody(body, null);
        }
        if (!JsonContentType.isJson(contentType)) {
            return new RoutedBody(new byte[0], "body ignored: Content-Type "
                    + (contentType == null ? "missing" : "'" + contentType + "'") + " is not JSON");
        }
        return new RoutedBody(JsonContentType.utf8(body, contentType), null);
    }
}
