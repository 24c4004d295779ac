package io.jenkins.plugins.circleci.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a response body to a short line fit for an error message: CircleCI's JSON {@code message}, plain text
 * such as "Rate limited.", the title (or text) of an HTML page a proxy sent, or nothing for an empty body.
 */
final class ServerMessage {
    static final int MAX_LENGTH = 200;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style)[^>]*>.*?</\\1>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ServerMessage() {}

    static String of(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            String message = jsonMessage(trimmed);
            if (message != null) {
                return cap(collapse(message));
            }
        }
        if (trimmed.startsWith("<")) {
            return cap(htmlText(trimmed));
        }
        return cap(collapse(trimmed));
    }

    private static String jsonMessage(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            JsonNode message = node == null ? null : node.get("message");
            return message != null && message.isTextual() ? message.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String htmlText(String html) {
        Matcher title = TITLE.matcher(html);
        if (title.find() && !title.group(1).isBlank()) {
            return "HTML page: " + collapse(unescape(title.group(1)));
        }
        String text = collapse(unescape(TAG.matcher(SCRIPT_OR_STYLE.matcher(html).replaceAll(" ")).replaceAll(" ")));
        return text.isEmpty() ? "an HTML page" : "HTML page: " + text;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static String collapse(String text) {
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    static String cap(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
