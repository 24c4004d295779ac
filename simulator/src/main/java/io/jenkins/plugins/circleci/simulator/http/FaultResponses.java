package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The faults that spoil the answer of a request the simulator has carried out ({@link FaultRule.Kind#carriesOut()}):
 * a connection dropped after the request arrived, a truncated body, a page token that repeats.
 */
final class FaultResponses {
    private FaultResponses() {}

    /** The status the journal records for the spoiled answer: 0 when no answer is sent at all. */
    static int journalStatus(FaultRule fault, ApiResponse response) {
        return fault.kind() == FaultRule.Kind.DISCONNECT_AFTER_BODY ? 0 : response.status();
    }

    /** Answers with {@code response} spoiled by {@code fault}, or closes the connection without an answer. */
    static void write(FrontExchange exchange, FaultRule fault, ApiResponse response, String rawQuery) {
        switch (fault.kind()) {
            case DISCONNECT_AFTER_BODY -> exchange.drop();
            case TRUNCATED_JSON -> {
                byte[] body = response.body();
                send(exchange, response, Arrays.copyOf(body, body.length / 2));
            }
            case REPEAT_PAGE_TOKEN -> send(exchange, response, repeatToken(response, FaultRule.pageTokenOf(rawQuery)));
            default -> throw new IllegalArgumentException("not a fault on a carried-out request: " + fault.kind());
        }
    }

    /** The page with {@code next_page_token} set to the token it was asked with; other answers as they are. */
    private static byte[] repeatToken(ApiResponse response, String token) {
        if (response.status() != 200 || token == null) {
            return response.body();
        }
        JsonNode page;
        try {
            page = Json.read(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a page the simulator wrote is not JSON", e);
        }
        if (!(page instanceof ObjectNode object) || !object.has("next_page_token")) {
            return response.body();
        }
        object.put("next_page_token", token);
        return Json.write(object).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void send(FrontExchange exchange, ApiResponse response, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", response.contentType());
        headers.putAll(response.headers());
        exchange.send(response.status(), headers, body);
    }
}
