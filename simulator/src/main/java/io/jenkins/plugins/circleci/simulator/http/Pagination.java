package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@code {"items": [...], "next_page_token": "..."|null}} pages. The token is opaque to clients (an encoded offset),
 * like CircleCI's; the page size is configurable so tests can force several pages.
 */
final class Pagination {

    private final int pageSize;

    Pagination(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** The page that {@code pageToken} points at (null = the first), or null when the token is not one of ours. */
    <T> ObjectNode page(List<T> all, String pageToken, Function<T, JsonNode> render) {
        int offset = 0;
        if (pageToken != null && !pageToken.isEmpty()) {
            Integer decoded = decode(pageToken);
            if (decoded == null) {
                return null;
            }
            offset = decoded;
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        int end = Math.min(all.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
            items.add(render.apply(all.get(i)));
        }
        if (end < all.size()) {
            body.put("next_page_token", encode(end));
        } else {
            body.putNull("next_page_token");
        }
        return body;
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static Integer decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                return null;
            }
            int offset = Integer.parseInt(text.substring("offset:".length()));
            return offset >= 0 ? offset : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
