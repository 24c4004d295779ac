package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response to write: status, content type, body bytes and extra headers.
 *
 * @param route        the route template that answered (for per-route counters), e.g. {@code GET /workflow/{id}}
 * @param pipelineId   the pipeline the request concerned, or null (for per-pipeline request counts)
 * @param why          for the journal: why the request was refused (an error's message by default), or null
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers, String route,
                   java.util.UUID pipelineId, String why) {

    ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers, String route,
                java.util.UUID pipelineId) {
        this(status, contentType, body, headers, route, pipelineId, null);
    }

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, "application/json;charset=utf-8",
                Json.write(body).getBytes(StandardCharsets.UTF_8), Map.of(), null, null);
    }

    /** CircleCI's error body: {@code {"message": "..."}}. */
    static ApiResponse message(int status, String message) {
        return json(status, Json.object().put("message", message)).why(message);
    }

    static ApiResponse text(int status, String text, Map<String, String> headers) {
        return new ApiResponse(status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8), headers,
                null, null);
    }

    ApiResponse route(String template) {
        return new ApiResponse(status, contentType, body, headers, template, pipelineId, why);
    }

    ApiResponse pipeline(java.util.UUID id) {
        return new ApiResponse(status, contentType, body, headers, route, id, why);
    }

    ApiResponse why(String reason) {
        return new ApiResponse(status, contentType, body, headers, route, pipelineId, reason);
    }
}
