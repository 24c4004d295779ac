package io.jenkins.plugins.circleci.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link CircleCiClient#trigger} would send for a request, without sending it: for a dry run. Holds no token
 * (the {@code Circle-Token} header is the only one left out).
 *
 * @param method  {@code POST}
 * @param url     the endpoint, e.g. {@code https://circleci.com/api/v2/project/gh/acme/api/pipeline}
 * @param headers the headers besides the token and the fixed ones (Accept, Content-Type, User-Agent): the trace
 *                context when there is one
 * @param body    the JSON body, as a map
 */
public record TriggerPreview(String method, String url, Map<String, String> headers, Map<String, Object> body) {
    public TriggerPreview {
        // In the order they are sent, for a reader to compare.
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }
}
