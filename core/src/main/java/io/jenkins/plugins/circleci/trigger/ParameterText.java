package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pipeline parameters written as text, {@code key=value}, as a command line or a text field gives them.
 *
 * <p>A <em>typed</em> value becomes what CircleCI's parameter types expect: exactly {@code true} or {@code false} is a
 * boolean, a whole number that fits in a long (no leading zeros, no '+') is an integer, anything else is a string.
 * A <em>string</em> value is always sent as text, for a string parameter that happens to read {@code 42} or
 * {@code true}. The value is everything after the first {@code '='}, so it may itself contain {@code '='} or be empty.
 * A key given twice is refused: with parameters the last one silently winning hides typos in long scripts.
 * Error messages never repeat a value: parameters sometimes carry secrets.
 */
public final class ParameterText {
    // JSON's integer grammar: what CircleCI reads as an integer parameter. "007" stays a string.
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private ParameterText() {}

    /** Parses typed {@code key=value} texts and string {@code key=value} texts into one map, in the order given. */
    public static Map<String, Object> parse(List<String> typed, List<String> strings) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String text : typed) {
            String key = key(text);
            put(parameters, key, typedValue(text.substring(key.length() + 1)));
        }
        for (String text : strings) {
            String key = key(text);
            put(parameters, key, text.substring(key.length() + 1));
        }
        return parameters;
    }

    /** {@code true}/{@code false} → Boolean, a whole number → Long, anything else → the text itself. */
    public static Object typedValue(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        if (INTEGER.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooLarge) {
                return value;
            }
        }
        return value;
    }

    private static String key(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq < 0) {
            throw new InvalidRequestException("Pipeline parameter '" + text + "' has no '='.",
                    "Write each parameter as name=value, e.g. deploy=true or region=eu-west-1.");
        }
        if (eq == 0) {
            throw new InvalidRequestException("A pipeline parameter has an empty name (it starts with '=').",
                    "Write each parameter as name=value, with the name declared under 'parameters:' in "
                            + ".circleci/config.yml.");
        }
        return text.substring(0, eq);
    }

    private static void put(Map<String, Object> parameters, String key, Object value) {
        if (parameters.containsKey(key)) {
            throw new InvalidRequestException("Pipeline parameter '" + key + "' is given more than once.",
                    "Give each parameter once, either typed or as a string.");
        }
        parameters.put(key, value);
    }
}
