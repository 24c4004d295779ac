package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

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

    /**
     * Answers with {@code response} spoiled by {@code fault}. Returns true when the connection must be closed without
     * an answer.
     */
    static boolean write(HttpExchange exchange, FaultRule fault, ApiResponse response, String rawQuery)
            throws IOException {
        switch (fault.kind()) {
            case DISCONNECT_AFTER_BODY -> {
                return true;
            }
            case TRUNCATED_JSON -> {
                byte[] body = response.body();
                send(exchange, response, Arrays.copyOf(body, body.length / 2));
            }
            case REPEAT_PAGE_TOKEN -> send(exchange, response, repeatToken(response, FaultRule.pageTokenOf(rawQuery)));
            default -> throw new IllegalArgumentException("not a fault on a carried-out request: " + fault.kind());
        }
        return false;
    }

    /** The page with {@code next_page_token} set to the token it was asked with; other answers as they are. */
    private static byte[] repeatToken(ApiResponse response, String token) throws IOException {
        if (response.status() != 200 || token == null) {
            return response.body();
        }
        JsonNode page = Json.read(response.body());
        if (!(page instanceof ObjectNode object) || !object.has("next_page_token")) {
            return response.body();
        }
        object.put("next_page_token", token);
        return Json.write(object).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, ApiResponse response, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
