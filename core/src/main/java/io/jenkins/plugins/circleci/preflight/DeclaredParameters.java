package io.jenkins.plugins.circleci.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pipeline parameters a config declares, read from its text. */
public final class DeclaredParameters {
    private final Map<String, DeclaredParameter> byName;

    private DeclaredParameters(Map<String, DeclaredParameter> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Reads the top-level {@code parameters:} of a config. A config without that key declares none. Anything that is
     * not a map where CircleCI expects one cannot be interpreted: {@link UnreadableConfigException}, so the caller
     * leaves the parameters unchecked rather than judge them by a config CircleCI would read otherwise.
     */
    static DeclaredParameters read(String configText) throws UnreadableConfigException {
        JsonNode root = YamlTree.read(configText);
        if (!root.isObject()) {
            throw new UnreadableConfigException("it is not a map of keys (" + kind(root) + ")");
        }
        JsonNode parameters = root.get("parameters");
        Map<String, DeclaredParameter> byName = new LinkedHashMap<>();
        if (parameters == null || parameters.isNull()) {
            return new DeclaredParameters(byName);
        }
        if (!parameters.isObject()) {
            throw new UnreadableConfigException("its 'parameters' is not a map (" + kind(parameters) + ")");
        }
        for (Map.Entry<String, JsonNode> e : parameters.properties()) {
            JsonNode declaration = e.getValue();
            if (!declaration.isObject()) {
                throw new UnreadableConfigException("parameter '" + e.getKey() + "' is not declared as a map of "
                        + "type and default (" + kind(declaration) + ")");
            }
            JsonNode type = declaration.get("type");
            JsonNode values = declaration.get("enum");
            List<String> allowed = null;
            if (values != null && values.isArray()) {
                allowed = new ArrayList<>();
                for (JsonNode v : values) {
                    allowed.add(v.asText());
                }
            }
            byName.put(e.getKey(), new DeclaredParameter(e.getKey(),
                    type != null && type.isValueNode() && !type.isNull() ? type.asText() : null, allowed,
                    declaration.has("default")));
        }
        return new DeclaredParameters(byName);
    }

    public Map<String, DeclaredParameter> byName() {
        return byName;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    private static String kind(JsonNode node) {
        if (node.isMissingNode()) {
            return "empty";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "empty";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
