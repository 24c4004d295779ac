package io.jenkins.plugins.circleci.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a Jackson tree the way CircleCI's config reader sees it: anchors ({@code &name}) and aliases
 * ({@code *name}) are resolved and merge keys ({@code <<: *base}) merged. Jackson's own {@code readTree} does
 * neither: it turns an alias into the anchor's name as text, which would make {@code enum: *envs} a list of one.
 *
 * <p>Bounded, since the text comes from a repository: at most {@link #MAX_ALIASES} aliases and {@link #MAX_NODES}
 * nodes (a "billion laughs" config is refused, not expanded).
 */
final class YamlTree {
    static final int MAX_ALIASES = 200;
    static final int MAX_NODES = 100_000;
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YAMLParser parser;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    /** How many nodes each anchored value counts, its aliases expanded: an alias adds that many. */
    private final Map<String, Integer> anchorSizes = new HashMap<>();
    private int aliases;
    private int nodes;

    private YamlTree(YAMLParser parser) {
        this.parser = parser;
    }

    /** The first document's tree; a missing node for an empty text. */
    static JsonNode read(String text) throws UnreadableConfigException {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            return new YamlTree(parser).value(first);
        } catch (JsonProcessingException e) {
            throw new UnreadableConfigException("it is not valid YAML (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new UnreadableConfigException("it could not be read: " + e.getClass().getSimpleName());
        }
    }

    private JsonNode value(JsonToken token) throws IOException, UnreadableConfigException {
        int before = nodes;
        count(1);
        if (parser.isCurrentAlias()) {
            if (++aliases > MAX_ALIASES) {
                throw new UnreadableConfigException("it uses more than " + MAX_ALIASES + " aliases");
            }
            JsonNode target = anchors.get(parser.getText());
            if (target == null) {
                throw new UnreadableConfigException("alias *" + parser.getText() + " names no anchor before it");
            }
            count(anchorSizes.get(parser.getText()));
            return target.deepCopy();
        }
        String anchor = parser.getCurrentAnchor();
        JsonNode node = switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
        if (anchor != null) {
            anchors.put(anchor, node);
            anchorSizes.put(anchor, nodes - before);
        }
        return node;
    }

    /** Counts nodes before they are built, so that an alias of an alias of ... is refused before it is expanded. */
    private void count(int more) throws UnreadableConfigException {
        nodes += more;
        if (nodes > MAX_NODES || nodes < 0) {
            throw new UnreadableConfigException("it has more than " + MAX_NODES + " values");
        }
    }

    private ObjectNode object() throws IOException, UnreadableConfigException {
        ObjectNode object = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>();
        for (JsonToken t = next(); t != JsonToken.END_OBJECT; t = next()) {
            String key = parser.currentName();
            JsonNode value = value(next());
            if ("<<".equals(key) && (value.isObject() || value.isArray())) {
                merged.add(value);
            } else {
                object.set(key, value);
            }
        }
        // YAML merge keys: the map's own keys win, then the merged maps in the order given.
        for (JsonNode source : merged) {
            for (JsonNode map : source.isArray() ? source : List.of(source)) {
                if (!map.isObject()) {
                    throw new UnreadableConfigException("a merge key (<<) merges something that is not a map");
                }
                map.properties().forEach(e -> object.putIfAbsent(e.getKey(), e.getValue()));
            }
        }
        return object;
    }

    private ArrayNode array() throws IOException, UnreadableConfigException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
            array.add(value(t));
        }
        return array;
    }

    private JsonToken next() throws IOException, UnreadableConfigException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new UnreadableConfigException("it ends in the middle of a map or list");
        }
        return token;
    }
}
