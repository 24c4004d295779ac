package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.simulator.model.TriggerRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Validates trigger bodies the way CircleCI does: {@code branch} and {@code tag} are exclusive; parameters hold at
 * most 100 entries with keys of at most 128 and values of at most 512 characters, each a string, integer or boolean;
 * {@code pipeline/run} refuses any field its schema does not declare ({@code additionalProperties: false}).
 *
 * <p>One field the spec does not declare is accepted because CircleCI accepts it: {@code config.content}, a string
 * (inline config; CircleCI's own MCP server sends {@code "content": ""} on every run). The simulator does not
 * evaluate it.
 */
final class TriggerBodies {

    static final String UNEXPECTED_BODY = "Unexpected request body provided.";
    /** The legacy endpoint's answer to a body that is not JSON (CircleCI-Public/api-preview-docs issue 66). */
    static final String INVALID_JSON = "Invalid JSON body.";
    private static final Set<String> RUN_FIELDS = Set.of("definition_id", "config", "checkout", "parameters");
    private static final Set<String> CONFIG_FIELDS = Set.of("branch", "tag", "content");
    private static final Set<String> CHECKOUT_FIELDS = Set.of("branch", "tag");

    /** A body that CircleCI refuses with 400 and this message. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private TriggerBodies() {
    }

    /** {@code POST /project/{slug}/pipeline}: an empty body is allowed (the schema is {@code x-nullable}). */
    static TriggerRequest legacy(byte[] body) throws Invalid {
        JsonNode root = parse(body, INVALID_JSON);
        if (root == null) {
            return new TriggerRequest(null, null, Map.of(), false);
        }
        String branch = text(root, "branch");
        String tag = text(root, "tag");
        if (branch != null && tag != null) {
            throw new Invalid("Only one of branch or tag may be provided.");
        }
        return new TriggerRequest(branch, tag, parameters(root.get("parameters")), false);
    }

    /** {@code POST /project/{provider}/{org}/{project}/pipeline/run}. */
    static TriggerRequest run(byte[] body) throws Invalid {
        JsonNode root = parse(body, UNEXPECTED_BODY);
        if (root == null) {
            return new TriggerRequest(null, null, Map.of(), true);
        }
        onlyFields(root, RUN_FIELDS);
        JsonNode definition = root.get("definition_id");
        if (definition != null && !isUuid(definition)) {
            throw new Invalid(UNEXPECTED_BODY);
        }
        JsonNode config = ref(root.get("config"), CONFIG_FIELDS);
        JsonNode checkout = ref(root.get("checkout"), CHECKOUT_FIELDS);
        // The checkout ref is what gets built (and what vcs.branch/tag shows); the config ref is the fallback.
        JsonNode source = checkout != null && (checkout.has("branch") || checkout.has("tag")) ? checkout : config;
        String branch = source == null ? null : text(source, "branch");
        String tag = source == null ? null : text(source, "tag");
        return new TriggerRequest(branch, tag, parameters(root.get("parameters")), true, asRef(config),
                asRef(checkout));
    }

    private static TriggerRequest.Ref asRef(JsonNode node) throws Invalid {
        if (node == null) {
            return null;
        }
        String branch = text(node, "branch");
        String tag = text(node, "tag");
        return branch == null && tag == null ? null : new TriggerRequest.Ref(branch, tag);
    }

    private static JsonNode parse(byte[] body, String notJson) throws Invalid {
        if (body.length == 0) {
            return null;
        }
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (IOException e) {
            throw new Invalid(notJson);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return null;
        }
        if (!root.isObject()) {
            throw new Invalid(UNEXPECTED_BODY);
        }
        return root;
    }

    private static JsonNode ref(JsonNode node, Set<String> fields) throws Invalid {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Invalid(UNEXPECTED_BODY);
        }
        onlyFields(node, fields);
        if (node.has("branch") && node.has("tag")) {
            throw new Invalid(UNEXPECTED_BODY);
        }
        for (JsonNode v : node) {
            if (!v.isTextual()) {
                throw new Invalid(UNEXPECTED_BODY);
            }
        }
        return node;
    }

    private static void onlyFields(JsonNode node, Set<String> allowed) throws Invalid {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!allowed.contains(it.next())) {
                throw new Invalid(UNEXPECTED_BODY);
            }
        }
    }

    private static Map<String, Object> parameters(JsonNode node) throws Invalid {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new Invalid("Parameters must be an object.");
        }
        if (node.size() > 100) {
            throw new Invalid("Too many pipeline parameters: " + node.size() + " (at most 100).");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.length() > 128) {
                throw new Invalid("Pipeline parameter name is too long (at most 128 characters): " + key.substring(0, 32) + "...");
            }
            Object value;
            if (v.isTextual()) {
                value = v.asText();
            } else if (v.isIntegralNumber()) {
                value = v.asLong();
            } else if (v.isBoolean()) {
                value = v.asBoolean();
            } else {
                throw new Invalid("Pipeline parameter '" + key + "' must be a string, an integer or a boolean.");
            }
            if (String.valueOf(value).length() > 512) {
                throw new Invalid("Pipeline parameter '" + key + "' is too long (at most 512 characters).");
            }
            out.put(key, value);
        }
        return out;
    }

    private static boolean isUuid(JsonNode node) {
        if (!node.isTextual()) {
            return false;
        }
        try {
            UUID.fromString(node.asText());
            return node.asText().length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) throws Invalid {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Invalid(UNEXPECTED_BODY);
        }
        return v.asText();
    }
}
